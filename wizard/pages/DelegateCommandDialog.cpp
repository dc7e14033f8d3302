#include "DelegateCommandDialog.h"

#include "widgets/InlineError.h"
#include "widgets/Tones.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QVBoxLayout>

namespace gs {

namespace {

// Draws the token's value as a solid bar in `color`: pasted, it is read from the text but not
// shown on screen.
class TokenMask : public QSyntaxHighlighter
{
public:
    TokenMask(const QColor &color, QTextDocument *document)
        : QSyntaxHighlighter(document)
        , m_color(color)
    {}

protected:
    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression token(
            QStringLiteral("(?:DELEGATE_TOKEN|ACCOUNT_SECRET)=[\"']?([^\\s\"'\\\\]+)"));
        QTextCharFormat bar;
        bar.setForeground(m_color);
        bar.setBackground(m_color);
        for (auto it = token.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            setFormat(int(match.capturedStart(1)), int(match.capturedLength(1)), bar);
        }
    }

private:
    QColor m_color;
};

} // namespace

DelegateCommandDialog::DelegateCommandDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("delegateCommandDialog"));
    setWindowTitle(tr("Paste the command from Harness"));
    setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("In Harness: Account Settings → Account Resources → Delegates → "
                                "New Delegate → Docker. Copy the docker run command and paste it "
                                "here, or the command from the Gitspaces documentation with its "
                                "values filled in."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("delegateCommandEdit"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    // The text holds the token: no undo history keeps a copy after it is cleared.
    m_text->setUndoRedoEnabled(false);
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(QStringLiteral("docker run --cpus=1 --memory=2g \\\n"
                                              "  -e DELEGATE_NAME=docker-delegate \\\n  …"));
    new TokenMask(m_text->palette().color(QPalette::Text), m_text->document());
    intro->setBuddy(m_text);
    layout->addWidget(m_text, 1);
    m_error = new InlineError(QStringLiteral("delegateCommandError"), this);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_fill = buttons->addButton(tr("Fill the fields"), QDialogButtonBox::AcceptRole);
    m_fill->setObjectName(QStringLiteral("fillFieldsButton"));
    m_fill->setDefault(true);
    layout->addWidget(buttons);
    // Accept reads the command first; the dialog closes only when it read.
    connect(buttons, &QDialogButtonBox::accepted, this, &DelegateCommandDialog::fill);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_error->text().isEmpty()) {
            m_error->setError(QString());
            clearMark();
        }
    });
    resize(720, 360);
}

void DelegateCommandDialog::fill()
{
    QString text = m_text->toPlainText();
    DockerRunImport result = DockerRunImport::parse(text);
    wipe(text);
    if (!result.ok) {
        markError(result);
        return;
    }
    m_result = std::move(result);
    Q_EMIT imported();
    accept();
}

void DelegateCommandDialog::markError(const DockerRunImport &failed)
{
    m_error->setError(tr("Line %1, column %2: %3")
                          .arg(failed.errorAt.line)
                          .arg(failed.errorAt.column)
                          .arg(failed.error));
    QTextCursor cursor(m_text->document());
    const qsizetype size = m_text->document()->characterCount() - 1;
    const int from = int(qBound(qsizetype(0), failed.errorAt.offset, size));
    cursor.setPosition(from);
    cursor.setPosition(int(qMin(size, from + failed.errorLength)), QTextCursor::KeepAnchor);
    QTextEdit::ExtraSelection mark;
    mark.cursor = cursor;
    const QColor error = toneColor(Tone::Error, palette());
    mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    mark.format.setUnderlineColor(error);
    QColor background = error;
    background.setAlpha(48);
    mark.format.setBackground(background);
    m_text->setExtraSelections({mark});
    // The caret goes where the fix is.
    QTextCursor caret(m_text->document());
    caret.setPosition(from);
    m_text->setTextCursor(caret);
    m_text->setFocus();
}

void DelegateCommandDialog::clearMark()
{
    m_text->setExtraSelections({});
}

void DelegateCommandDialog::done(int result)
{
    // Closed either way: the pasted token does not stay in the box.
    const QSignalBlocker blocker(m_text);
    m_text->clear();
    m_error->setError(QString());
    clearMark();
    QDialog::done(result);
}

} // namespace gs
