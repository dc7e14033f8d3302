#!/bin/sh
# The layers point one way: app → wizard → core. core has no widgets; wizard sees neither libssh
# nor yaml-cpp (those stay behind core's interfaces). Prints each violation with its line.
set -u
src="$1"
status=0
report() {
    echo "layering: $1" >&2
    status=1
}
hits=$(grep -rnE '#include *<(QtWidgets/|QWidget|QApplication|QWizard|QDialog|QMainWindow|QLabel|QPushButton|QLineEdit|QPlainTextEdit|QClipboard|QGui)' "$src/core" 2>/dev/null)
[ -n "$hits" ] && report "core includes Qt Widgets/Gui:
$hits"
hits=$(grep -rnE '#include *<(libssh/|yaml-cpp/)' "$src/wizard" "$src/app" 2>/dev/null)
[ -n "$hits" ] && report "wizard/app include libssh or yaml-cpp headers directly:
$hits"
hits=$(grep -rnE '#include *"(\.\./)*(wizard|app)/' "$src/core" 2>/dev/null)
[ -n "$hits" ] && report "core includes from the layers above it:
$hits"
# A nested event loop runs the whole app inside one handler: exec() on a dialog or message box,
# the static QFileDialog/QMessageBox/QInputDialog helpers, QEventLoop, waitFor*. Dialogs are
# opened with open() and answer through signals.
nested='QEventLoop|(\.|->)exec\(\)|waitFor(Finished|ReadyRead|Connected|BytesWritten|Started)'
nested="$nested|QFileDialog::get|QMessageBox::(information|warning|critical|question|about)\("
nested="$nested|QInputDialog::get|QColorDialog::getColor|QFontDialog::getFont"
hits=$(grep -rnE "$nested" "$src/core" "$src/wizard" 2>/dev/null | grep -vE '^[^:]+:[0-9]+:\s*//')
[ -n "$hits" ] && report "nested event loops or blocking waits in product code:
$hits"
[ $status -eq 0 ] && echo "layering: app -> wizard -> core holds"
exit $status
