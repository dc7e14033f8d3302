#include "DockerRunImport.h"

#include "CommandBuilder.h"
#include "util/Translate.h"

#include <QCoreApplication>
#include <QHash>

namespace gs {

namespace {

// lupdate files each string under the class it stands in.
QString tr(const char *text)
{
    return translateIn({"gs::DockerRunImport", "gs::Reader", "gs::Lexer"}, text);
}

struct Word
{
    QString text;
    qsizetype start = 0; // first character, quotes included
    qsizetype end = 0;   // one past the last
    bool quoted = false; // any part of it quoted or escaped
};

struct Failure
{
    QString message;
    qsizetype at = 0;
    qsizetype length = 1;
};

bool isBlank(QChar c)
{
    // A no-break space is what a web page hands over for a space.
    return c == u' ' || c == u'\t' || c == u'\r' || c == QChar(0x00a0);
}

bool isNameStart(QChar c)
{
    return c == u'_' || (c.unicode() < 128 && c.isLetter());
}

// After a backslash at `i`: the end of the line it continues, or -1. Blanks between the
// backslash and the line break are a paste's leftovers, taken as the continuation they were.
qsizetype continuationEnd(const QString &text, qsizetype i)
{
    qsizetype j = i + 1;
    while (j < text.size() && (text.at(j) == u' ' || text.at(j) == u'\t' || text.at(j) == u'\r'))
        ++j;
    if (j < text.size() && text.at(j) == u'\n')
        return j;
    return -1;
}

// sh's word splitting without expansions. Fails on what would run something or redirect.
class Lexer
{
public:
    explicit Lexer(const QString &text)
        : m_text(text)
    {}

    bool run(QList<Word> *words, Failure *failure);

private:
    bool plainChar(qsizetype &i, Failure *failure);
    bool singleQuoted(qsizetype &i, Failure *failure);
    bool doubleQuoted(qsizetype &i, Failure *failure);
    bool expansion(qsizetype i, Failure *failure) const;
    void finishWord();
    void startWord(qsizetype at);

    const QString &m_text;
    QList<Word> m_words;
    Word m_current;
    bool m_inWord = false;
    qsizetype m_commandEnded = -1; // a line break ended the command here
};

void Lexer::startWord(qsizetype at)
{
    if (!m_inWord) {
        m_current = Word{QString(), at, at, false};
        m_inWord = true;
    }
}

void Lexer::finishWord()
{
    if (m_inWord)
        m_words.append(std::move(m_current));
    m_current = Word();
    m_inWord = false;
}

bool Lexer::expansion(qsizetype i, Failure *failure) const
{
    const QChar c = m_text.at(i);
    const QChar next = i + 1 < m_text.size() ? m_text.at(i + 1) : QChar();
    if (c == u'`' || (c == u'$' && (isNameStart(next) || next == u'{' || next == u'(' ||
                                    next.isDigit() || QStringView(u"?!#@*$-").contains(next)))) {
        qsizetype end = i + 1;
        while (end < m_text.size() && (m_text.at(end).isLetterOrNumber() || m_text.at(end) == u'_'))
            ++end;
        *failure = {tr("\"%1\" is filled in by a shell; paste the command with the values in it.")
                        .arg(m_text.mid(i, qMax<qsizetype>(2, end - i))),
                    i, qMax<qsizetype>(1, end - i)};
        return true;
    }
    return false;
}

bool Lexer::singleQuoted(qsizetype &i, Failure *failure)
{
    const qsizetype open = i;
    const qsizetype close = m_text.indexOf(u'\'', i + 1);
    if (close < 0) {
        *failure = {tr("This quote is never closed; paste the whole command again."), open, 1};
        return false;
    }
    m_current.text += QStringView(m_text).mid(open + 1, close - open - 1);
    i = close;
    return true;
}

bool Lexer::doubleQuoted(qsizetype &i, Failure *failure)
{
    const qsizetype open = i;
    for (++i; i < m_text.size(); ++i) {
        const QChar c = m_text.at(i);
        if (c == u'"')
            return true;
        if (c == u'\\' && i + 1 < m_text.size() &&
            QStringView(u"\\\"$`\n").contains(m_text.at(i + 1))) {
            if (m_text.at(i + 1) != u'\n')
                m_current.text += m_text.at(i + 1);
            ++i;
        } else if (expansion(i, failure)) {
            return false;
        } else {
            m_current.text += c;
        }
    }
    *failure = {tr("This quote is never closed; paste the whole command again."), open, 1};
    return false;
}

// One character outside quotes.
bool Lexer::plainChar(qsizetype &i, Failure *failure)
{
    const QChar c = m_text.at(i);
    if (c == u'\\') {
        if (const qsizetype end = continuationEnd(m_text, i); end >= 0) {
            i = end; // the line goes on
            return true;
        }
        startWord(i);
        m_current.quoted = true;
        if (i + 1 < m_text.size())
            m_current.text += m_text.at(++i);
        return true;
    }
    if (c == u'<') {
        // "<ACCOUNT_ID_COPIED_FROM_THE_UI_COMMAND>": the docs' blanks, not a redirection.
        const qsizetype close = m_text.indexOf(u'>', i + 1);
        const qsizetype lineEnd = m_text.indexOf(u'\n', i + 1);
        if (close > i + 1 && (lineEnd < 0 || close < lineEnd)) {
            *failure = {tr("\"%1\" is a placeholder from the documentation: put the value from "
                           "the Harness UI's command there.")
                            .arg(m_text.mid(i, close - i + 1)),
                        i, close - i + 1};
            return false;
        }
    }
    if (QStringView(u"\u201c\u201d\u201e\u2018\u2019").contains(c)) {
        // Pasted from a web page or a word processor: the shell would keep it as a character.
        *failure = {tr("%1 is a typographic quote, which the shell does not take as a quote; "
                       "type a straight quote (\" or ') instead.")
                        .arg(c),
                    i, 1};
        return false;
    }
    if (QStringView(u";&|<>()").contains(c)) {
        *failure = {tr("\"%1\" would make this more than one docker run command; paste only the "
                       "docker run command.")
                        .arg(c),
                    i, 1};
        return false;
    }
    if (expansion(i, failure))
        return false;
    startWord(i);
    if (c == u'\'') {
        m_current.quoted = true;
        return singleQuoted(i, failure);
    }
    if (c == u'"') {
        m_current.quoted = true;
        return doubleQuoted(i, failure);
    }
    m_current.text += c;
    return true;
}

bool Lexer::run(QList<Word> *words, Failure *failure)
{
    for (qsizetype i = 0; i < m_text.size(); ++i) {
        const QChar c = m_text.at(i);
        if (isBlank(c) || c == u'\n') {
            if (m_inWord) {
                m_current.end = i;
                finishWord();
            }
            if (c == u'\n' && !m_words.isEmpty() && m_commandEnded < 0)
                m_commandEnded = i;
            continue;
        }
        if (c == u'#' && !m_inWord) { // a comment, to the end of the line
            const qsizetype lineEnd = m_text.indexOf(u'\n', i);
            i = (lineEnd < 0 ? m_text.size() : lineEnd) - 1;
            continue;
        }
        if (m_commandEnded >= 0 && !m_inWord) {
            const qsizetype lineEnd = m_text.indexOf(u'\n', i);
            *failure = {tr("A second command starts on this line; paste only the docker run "
                           "command (a line that goes on ends with \"\\\")."),
                        i, (lineEnd < 0 ? m_text.size() : lineEnd) - i};
            return false;
        }
        if (!plainChar(i, failure))
            return false;
    }
    if (m_inWord) {
        m_current.end = m_text.size();
        finishWord();
    }
    *words = std::move(m_words);
    return true;
}

// docker run's options that take a value (docker 20.10 to 27): "--cpus 1" is one option.
bool takesValue(const QString &name)
{
    static const QStringList names =
        QStringLiteral(
            "add-host annotation attach blkio-weight blkio-weight-device cap-add cap-drop "
            "cgroup-parent cgroupns cidfile cpu-count cpu-percent cpu-period cpu-quota "
            "cpu-rt-period cpu-rt-runtime cpu-shares cpus cpuset-cpus cpuset-mems detach-keys "
            "device device-cgroup-rule device-read-bps device-read-iops device-write-bps "
            "device-write-iops dns dns-opt dns-option dns-search domainname entrypoint env "
            "env-file expose gpus group-add health-cmd health-interval health-retries "
            "health-start-interval health-start-period health-timeout hostname io-maxbandwidth "
            "io-maxiops ip ip6 ipc isolation kernel-memory label label-file link link-local-ip "
            "log-driver log-opt mac-address memory memory-reservation memory-swap "
            "memory-swappiness mount name net net-alias network network-alias oom-score-adj pid "
            "pids-limit platform publish pull restart runtime security-opt shm-size stop-signal "
            "stop-timeout storage-opt sysctl tmpfs ulimit user userns uts volume volume-driver "
            "volumes-from workdir")
            .split(u' ');
    return names.contains(name);
}

// The one-letter forms: a value option, or a switch; anything else is not docker run's.
QString longName(QChar letter)
{
    static const QHash<char16_t, QString> names{
        {u'a', QStringLiteral("attach")},  {u'c', QStringLiteral("cpu-shares")},
        {u'e', QStringLiteral("env")},     {u'h', QStringLiteral("hostname")},
        {u'l', QStringLiteral("label")},   {u'm', QStringLiteral("memory")},
        {u'p', QStringLiteral("publish")}, {u'u', QStringLiteral("user")},
        {u'v', QStringLiteral("volume")},  {u'w', QStringLiteral("workdir")},
        {u'd', QStringLiteral("detach")},  {u'i', QStringLiteral("interactive")},
        {u't', QStringLiteral("tty")},     {u'P', QStringLiteral("publish-all")},
        {u'q', QStringLiteral("quiet")},
    };
    return names.value(letter.unicode());
}

DockerRunImport::Location locate(const QString &text, qsizetype offset)
{
    DockerRunImport::Location at;
    at.offset = qBound<qsizetype>(0, offset, text.size());
    at.line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < at.offset; ++i) {
        if (text.at(i) == u'\n') {
            ++at.line;
            lineStart = i + 1;
        }
    }
    at.column = int(at.offset - lineStart) + 1;
    return at;
}

// Reads the words of one docker run command into the result.
class Reader
{
public:
    Reader(const QString &text, QList<Word> &words, DockerRunImport &result)
        : m_text(text)
        , m_words(words)
        , m_result(result)
    {}

    bool run(Failure *failure);

private:
    bool skipToRun(qsizetype &i, Failure *failure);
    bool option(qsizetype &i, Failure *failure);
    bool shortOptions(qsizetype &i, Failure *failure);
    bool use(const QString &name, const QString &written, const Word &word, qsizetype valueAt,
             QString value, Failure *failure);
    bool environment(const Word &word, qsizetype valueAt, QString assignment, Failure *failure);
    void set(DockerRunImport::Field &field, const QString &value, qsizetype at);
    void describe();

    const QString &m_text;
    QList<Word> &m_words;
    DockerRunImport &m_result;
    QString m_network;
    QString m_containerName;
    QString m_runnerUrl, m_deployMode, m_nextGen, m_delegateType;
    bool m_envFile = false;
    bool m_legacyToken = false;
};

void Reader::set(DockerRunImport::Field &field, const QString &value, qsizetype at)
{
    field.value = value;
    field.at = locate(m_text, at);
    field.found = true;
}

bool Reader::skipToRun(qsizetype &i, Failure *failure)
{
    const auto is = [this, &i](const char *word) {
        return i < m_words.size() && m_words.at(i).text == QLatin1String(word);
    };
    // A copied shell prompt: "$", "admin@vm:~$", zsh's "%".
    if (!m_words.isEmpty() && !m_words.first().quoted &&
        (m_words.first().text.endsWith(u'$') || m_words.first().text == QLatin1String("%")))
        ++i;
    if (is("sudo")) {
        for (++i; i < m_words.size() && m_words.at(i).text.startsWith(u'-'); ++i) {
            if (QStringList{QStringLiteral("-u"), QStringLiteral("-g")}.contains(
                    m_words.at(i).text))
                ++i;
        }
    }
    const bool docker = i < m_words.size() && (m_words.at(i).text == QLatin1String("docker") ||
                                               m_words.at(i).text.endsWith(u"/docker"));
    if (docker)
        ++i;
    if (docker && is("container"))
        ++i;
    if (!docker || !is("run")) {
        const qsizetype at = i < m_words.size() ? m_words.at(i).start
                                                : (m_words.isEmpty() ? 0 : m_words.last().start);
        *failure = {tr("This is not a docker run command. In Harness, copy the command under "
                       "Account Settings → Delegates → New Delegate → Docker."),
                    at, i < m_words.size() ? m_words.at(i).end - at : 1};
        return false;
    }
    ++i;
    return true;
}

bool Reader::run(Failure *failure)
{
    if (m_words.isEmpty()) {
        *failure = {tr("Paste the docker run command from Harness here."), 0, 1};
        return false;
    }
    qsizetype i = 0;
    if (!skipToRun(i, failure))
        return false;
    bool optionsEnd = false;
    for (; i < m_words.size(); ++i) {
        const Word &word = m_words.at(i);
        if (!optionsEnd && word.text == QLatin1String("--")) {
            optionsEnd = true;
        } else if (!optionsEnd && word.text.size() > 1 && word.text.startsWith(u'-')) {
            if (!option(i, failure))
                return false;
        } else if (!m_result.image.found) {
            set(m_result.image, word.text, word.start);
            optionsEnd = true;
        } else {
            // The word itself is not repeated: it could be anything, a secret too.
            *failure = {tr("A second image, or a command after the image %1: the delegate runs "
                           "one image with no command. If this is the value of an option, join "
                           "them with \"=\".")
                            .arg(m_result.image.value),
                        word.start, word.end - word.start};
            return false;
        }
    }
    const qsizetype end = m_words.last().end;
    if (!m_result.image.found) {
        *failure = {tr("The command names no image; it ends before the delegate image."), end, 1};
        return false;
    }
    if (!m_result.accountId.found) {
        *failure = {m_envFile ? tr("The command has no ACCOUNT_ID. If it is in the --env-file, "
                                   "which is not read here, add -e ACCOUNT_ID=… to the command.")
                              : tr("The command has no ACCOUNT_ID; copy the whole command from "
                                   "Harness."),
                    m_result.image.at.offset, m_result.image.value.size()};
        return false;
    }
    describe();
    return true;
}

bool Reader::option(qsizetype &i, Failure *failure)
{
    const Word &word = m_words.at(i);
    if (!word.text.startsWith(QLatin1String("--")))
        return shortOptions(i, failure);
    const qsizetype equals = word.text.indexOf(u'=');
    const QString name = word.text.mid(2, equals < 0 ? -1 : equals - 2);
    if (equals >= 0)
        return use(name, word.text.left(equals), word, word.start + equals + 1,
                   word.text.mid(equals + 1), failure);
    if (!takesValue(name))
        return use(name, word.text, word, -1, QString(), failure);
    if (i + 1 >= m_words.size()) {
        *failure = {tr("\"%1\" needs a value.").arg(word.text), word.start, word.end - word.start};
        return false;
    }
    const Word &value = m_words.at(++i);
    return use(name, word.text, value, value.start, value.text, failure);
}

// "-d", "-it", "-e K=V", "-eK=V", "-m2g": switches first, a value option last.
bool Reader::shortOptions(qsizetype &i, Failure *failure)
{
    const Word &word = m_words.at(i);
    for (qsizetype k = 1; k < word.text.size(); ++k) {
        const QString name = longName(word.text.at(k));
        if (name.isEmpty()) {
            *failure = {tr("docker run has no option \"-%1\".").arg(word.text.at(k)), word.start,
                        word.end - word.start};
            return false;
        }
        const QString written = QStringLiteral("-") + word.text.at(k);
        if (!takesValue(name)) {
            if (!use(name, written, word, -1, QString(), failure))
                return false;
            continue;
        }
        qsizetype from = k + 1;
        if (from < word.text.size() && word.text.at(from) == u'=')
            ++from; // "-e=K=V", as docker's flag parser takes it
        if (from < word.text.size())
            return use(name, written, word, word.start + from, word.text.mid(from), failure);
        if (i + 1 >= m_words.size()) {
            *failure = {tr("\"%1\" needs a value.").arg(written), word.start,
                        word.end - word.start};
            return false;
        }
        const Word &value = m_words.at(++i);
        return use(name, written, value, value.start, value.text, failure);
    }
    return true;
}

bool Reader::use(const QString &name, const QString &written, const Word &word, qsizetype valueAt,
                 QString value, Failure *failure)
{
    if (name == QLatin1String("env"))
        return environment(word, valueAt, std::move(value), failure);
    if (name == QLatin1String("cpus"))
        set(m_result.cpus, value, valueAt);
    else if (name == QLatin1String("memory"))
        set(m_result.memory, value, valueAt);
    else if (name == QLatin1String("network") || name == QLatin1String("net"))
        m_network = value;
    else if (name == QLatin1String("name"))
        m_containerName = value;
    else if (name == QLatin1String("detach"))
        ; // ours runs detached too
    else if (name == QLatin1String("env-file")) {
        m_envFile = true;
        m_result.notes << tr("--env-file %1: the file is on the machine the command was meant for "
                             "and is not read here; put what the delegate needs from it into "
                             "the fields.")
                              .arg(value);
    } else
        m_result.dropped << (valueAt < 0 ? written
                                         : written + (written.size() == 2 ? u' ' : u'=') + value);
    return true;
}

bool Reader::environment(const Word &word, qsizetype valueAt, QString assignment, Failure *failure)
{
    const qsizetype equals = assignment.indexOf(u'=');
    const QString key = assignment.left(equals);
    QString value = equals < 0 ? QString() : assignment.mid(equals + 1);
    const qsizetype at = valueAt + (equals < 0 ? 0 : equals + 1);
    static const QStringList ours{
        QStringLiteral("ACCOUNT_ID"),     QStringLiteral("DELEGATE_TOKEN"),
        QStringLiteral("ACCOUNT_SECRET"), QStringLiteral("MANAGER_HOST_AND_PORT"),
        QStringLiteral("DELEGATE_NAME"),  QStringLiteral("DELEGATE_TAGS")};
    if (equals < 0 && ours.contains(key)) {
        // "-e DELEGATE_TOKEN" hands on the variable of the shell that runs docker.
        *failure = {tr("\"-e %1\" takes the value from the shell that runs docker; paste the "
                       "command with -e %1=… instead.")
                        .arg(key),
                    word.start, word.end - word.start};
        return false;
    }
    if (key == QLatin1String("ACCOUNT_ID")) {
        if (value.isEmpty()) {
            *failure = {tr("ACCOUNT_ID is empty; copy the command again from Harness."), word.start,
                        word.end - word.start};
            return false;
        }
        set(m_result.accountId, value, at);
    } else if (key == QLatin1String("DELEGATE_TOKEN") || key == QLatin1String("ACCOUNT_SECRET")) {
        // DELEGATE_TOKEN wins over the legacy name, as in the delegate's start script.
        const bool legacy = key == QLatin1String("ACCOUNT_SECRET");
        if (!legacy || m_result.token.isEmpty() || m_legacyToken) {
            m_result.token = Secret::take(value);
            m_result.tokenAt = locate(m_text, at);
            m_legacyToken = legacy && !m_result.token.isEmpty();
        }
        wipe(value);
        wipe(assignment); // shared with the word, which is wiped at the end anyway
    } else if (key == QLatin1String("MANAGER_HOST_AND_PORT")) {
        set(m_result.manager, value, at);
    } else if (key == QLatin1String("DELEGATE_NAME")) {
        set(m_result.name, value, at);
    } else if (key == QLatin1String("DELEGATE_TAGS")) {
        set(m_result.tags, value, at);
    } else if (key == QLatin1String("RUNNER_URL")) {
        m_runnerUrl = value;
    } else if (key == QLatin1String("DEPLOY_MODE")) {
        m_deployMode = value;
    } else if (key == QLatin1String("NEXT_GEN")) {
        m_nextGen = value;
    } else if (key == QLatin1String("DELEGATE_TYPE")) {
        m_delegateType = value;
    } else {
        if ((key == QLatin1String("DELEGATE_ORG_IDENTIFIER") ||
             key == QLatin1String("DELEGATE_PROJECT_IDENTIFIER")) &&
            !value.isEmpty())
            m_result.notes << tr("%1 makes this an organization or project delegate; Gitspaces "
                                 "work only with account-level delegates, so it is left out. "
                                 "Use a token from Account Settings.")
                                  .arg(key);
        m_result.dropped << key; // the name only: a value may be a password
    }
    return true;
}

// What our command does that this one does not, and what differs from the documented values.
void Reader::describe()
{
    DockerRunImport &r = m_result;
    const DelegateSettings documented;
    const QString network = QLatin1String(Names::Network);
    if (m_network.isEmpty())
        r.added << tr("--network %1, so the delegate reaches the runner by name").arg(network);
    else if (m_network != network)
        r.notes
            << tr("--network %1 is replaced by %2, the runner's network.").arg(m_network, network);
    const QString runnerUrl = QLatin1String(Names::RunnerUrl);
    if (m_runnerUrl.isEmpty())
        r.added << tr("RUNNER_URL=%1, where the delegate finds the runner").arg(runnerUrl);
    else if (m_runnerUrl != runnerUrl)
        r.notes << tr("RUNNER_URL %1 is replaced by %2, the runner this setup starts.")
                       .arg(m_runnerUrl, runnerUrl);
    const QString name = r.name.value;
    if (m_containerName.isEmpty())
        r.added << (r.name.found ? tr("--name %1 (the container is named after the delegate), "
                                      "--restart unless-stopped and our label")
                                       .arg(name)
                                 : tr("--name with the delegate name, --restart unless-stopped "
                                      "and our label"));
    else if (r.name.found && m_containerName != name)
        r.notes << tr("The container is named %1 (the delegate name), not %2.")
                       .arg(name, m_containerName);
    if (m_deployMode.isEmpty())
        r.added << QStringLiteral("DEPLOY_MODE=KUBERNETES_ONPREM");
    else if (m_deployMode != QLatin1String("KUBERNETES_ONPREM"))
        r.notes << tr("DEPLOY_MODE %1 is replaced by KUBERNETES_ONPREM, as the Gitspaces "
                      "documentation has it.")
                       .arg(m_deployMode);
    if (!m_nextGen.isEmpty() && m_nextGen != QLatin1String("true"))
        r.notes << tr("NEXT_GEN %1 is replaced by true: Gitspaces need a NextGen delegate.")
                       .arg(m_nextGen);
    if (!m_delegateType.isEmpty() && m_delegateType != QLatin1String("DOCKER"))
        r.notes << tr("DELEGATE_TYPE %1 is replaced by DOCKER.").arg(m_delegateType);
    if (m_legacyToken)
        r.notes << tr("The token came from ACCOUNT_SECRET, the old name of DELEGATE_TOKEN.");
    if (r.token.isEmpty())
        r.notes << tr("The command has no DELEGATE_TOKEN: enter the token yourself.");
    if (!r.name.found)
        r.notes << tr("The command has no DELEGATE_NAME: the name stays as it was.");
    if (!r.manager.found)
        r.notes << tr("The command has no MANAGER_HOST_AND_PORT: the manager URL stays as it "
                      "was.");
    else if (r.manager.value != documented.manager)
        r.notes << tr("Manager %1, where the documentation shows %2.")
                       .arg(r.manager.value, documented.manager);
    if (r.image.value != documented.image)
        r.notes << tr("Image %1, where the Gitspaces documentation shows %2.")
                       .arg(r.image.value, documented.image);
    if (r.cpus.found && r.cpus.value != documented.cpus)
        r.notes << tr("--cpus %1, where the documentation shows %2.")
                       .arg(r.cpus.value, documented.cpus);
    if (r.memory.found && r.memory.value != documented.memory)
        r.notes << tr("--memory %1, where the documentation shows %2.")
                       .arg(r.memory.value, documented.memory);
}

} // namespace

DockerRunImport DockerRunImport::parse(const QString &text)
{
    if (text.size() > MaxTextSize) {
        DockerRunImport refused;
        refused.error = tr("This is far longer than a docker run command; paste only that.");
        refused.errorAt = locate(text, MaxTextSize);
        return refused;
    }
    DockerRunImport result;
    QList<Word> words;
    Failure failure;
    bool ok = Lexer(text).run(&words, &failure);
    if (ok)
        ok = Reader(text, words, result).run(&failure);
    // A word holds the token too; the ones the fields share are theirs.
    for (Word &word : words)
        wipeIfLast(word.text);
    if (ok) {
        result.ok = true;
        return result;
    }
    DockerRunImport refused;
    refused.error = failure.message;
    refused.errorAt = locate(text, failure.at);
    refused.errorLength = qBound<qsizetype>(1, failure.length, qMax<qsizetype>(1, text.size()));
    return refused;
}

QStringList DockerRunImport::tagList() const
{
    QStringList list;
    for (const QString &part : tags.value.split(u',', Qt::SkipEmptyParts)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty())
            list << tag;
    }
    return list;
}

void DockerRunImport::applyTo(DelegateSettings *delegate) const
{
    if (!ok)
        return;
    const auto take = [](const Field &field, QString *into) {
        if (field.found)
            *into = field.value.trimmed();
    };
    take(name, &delegate->name);
    take(accountId, &delegate->accountId);
    take(manager, &delegate->manager);
    take(image, &delegate->image);
    take(cpus, &delegate->cpus);
    take(memory, &delegate->memory);
    if (tags.found)
        delegate->tags = tagList();
}

QStringList DockerRunImport::summary() const
{
    QStringList lines;
    if (!dropped.isEmpty())
        lines << tr("Left out (this setup does not use them): %1.")
                     .arg(dropped.join(QStringLiteral(", ")));
    if (!added.isEmpty())
        lines << tr("Added, which the pasted command lacks: %1.")
                     .arg(added.join(QStringLiteral("; ")));
    lines << notes;
    return lines;
}

} // namespace gs
