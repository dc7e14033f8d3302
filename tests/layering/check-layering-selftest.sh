#!/bin/sh
# The layering check finds what it is for: each planted violation, in a copy of the tree, makes
# it fail and is named in its report; the tree as it is passes.
set -u
check="$(dirname "$0")/check-layering.sh"
src="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() {
    echo "selftest: $1" >&2
    exit 1
}
"$check" "$src" >/dev/null 2>&1 || fail "the tree itself does not pass"
while IFS='|' read -r dir line; do
    rm -rf "$scratch/tree"
    mkdir -p "$scratch/tree"
    cp -r "$src/core" "$src/wizard" "$src/app" "$scratch/tree/"
    printf '%s\n' "$line" >>"$scratch/tree/$dir/Planted.cpp"
    if "$check" "$scratch/tree" >"$scratch/out" 2>&1; then
        fail "not found: $line (in $dir)"
    fi
    grep -qF "Planted.cpp" "$scratch/out" || fail "not named: $line"
done <<'PLANTS'
wizard|    dialog->exec();
wizard|    box.exec();
wizard|    const QString f = QFileDialog::getOpenFileName(this);
wizard|    QMessageBox::warning(this, title, text);
wizard|    QInputDialog::getText(this, a, b);
wizard|    QEventLoop loop;
core|    process.waitForFinished();
core|    process.waitForStarted();
core|#include <QWidget>
core|#include "wizard/SetupWizard.h"
wizard|#include <libssh/libssh.h>
PLANTS
echo "selftest: every planted violation found"
