#include "recordmerger.h"

#include "framerecord.h"
#include "recordlineparser.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

struct RecordMerger::Input
{
    QFile file;
    QString name;
    qint64 lineNumber = 0;
    Line head;
};

RecordMerger::RecordMerger() = default;
RecordMerger::~RecordMerger() = default;

bool RecordMerger::open(const QStringList &paths, QString *error)
{
    m_files.clear();
    m_heap.clear();
    m_badLines = 0;
    m_firstBadLine.clear();
    for (const QString &path : paths) {
        auto input = std::make_unique<Input>();
        input->file.setFileName(path);
        if (!input->file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("Cannot read %1: %2").arg(path, input->file.errorString());
            m_files.clear();
            return false;
        }
        input->name = defaultSourceName(path);
        m_files.push_back(std::move(input));
    }
    for (int i = 0; i < int(m_files.size()); ++i) {
        if (advance(i))
            m_heap.push_back(i);
    }
    std::make_heap(m_heap.begin(), m_heap.end(), [this](int a, int b) {
        const qint64 ta = m_files[size_t(a)]->head.timeMs;
        const qint64 tb = m_files[size_t(b)]->head.timeMs;
        return ta != tb ? ta > tb : a > b;
    });
    return true;
}

bool RecordMerger::advance(int i)
{
    Input &in = *m_files[size_t(i)];
    while (!in.file.atEnd()) {
        QByteArray text = in.file.readLine();
        ++in.lineNumber;
        const QByteArrayView line = RecordLineParser::chopNewline(text);
        if (line.trimmed().isEmpty())
            continue;
        qint64 time = 0;
        QString why;
        if (!timeOf(line, &time, &why)) {
            if (m_badLines++ == 0)
                m_firstBadLine = tr("%1 line %2: %3").arg(in.file.fileName()).arg(in.lineNumber).arg(why);
            continue;
        }
        text.truncate(line.size());
        in.head.text = std::move(text);
        in.head.timeMs = time;
        in.head.file = i;
        return true;
    }
    return false;
}

bool RecordMerger::next(Line *line)
{
    if (m_heap.empty())
        return false;
    const auto later = [this](int a, int b) {
        const qint64 ta = m_files[size_t(a)]->head.timeMs;
        const qint64 tb = m_files[size_t(b)]->head.timeMs;
        return ta != tb ? ta > tb : a > b;
    };
    std::pop_heap(m_heap.begin(), m_heap.end(), later);
    const int i = m_heap.back();
    *line = std::move(m_files[size_t(i)]->head);
    if (advance(i))
        std::push_heap(m_heap.begin(), m_heap.end(), later);
    else
        m_heap.pop_back();
    return true;
}

QString RecordMerger::sourceName(int file) const
{
    return file >= 0 && file < int(m_files.size()) ? m_files[size_t(file)]->name : QString();
}

QString RecordMerger::defaultSourceName(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    return name.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive) ? name.chopped(6) : name;
}

bool RecordMerger::timeOf(QByteArrayView line, qint64 *timeMs, QString *error)
{
    // The writer's lines start with "time" (or with "source" and then "time"): read it without a parser.
    static const QByteArray key = QByteArrayLiteral("\"time\":\"");
    const qsizetype at = line.indexOf(key);
    if (at >= 0 && at < 64) {
        const qsizetype start = at + key.size();
        const qsizetype end = line.indexOf('"', start);
        if (end > start && FrameRecord::parseWrittenTime(line.sliced(start, end - start), timeMs))
            return true;
    }
    Frame frame;
    if (!FrameRecord::fromJsonLine(line, &frame, error))
        return false;
    *timeMs = frame.timeMs;
    return true;
}

QString RecordMerger::sourceOf(QByteArrayView line)
{
    static const QByteArray prefix = QByteArrayLiteral("{\"source\":\"");
    if (line.startsWith(prefix)) {
        const qsizetype end = line.indexOf('"', prefix.size());
        const QByteArrayView value = line.sliced(prefix.size(), end - prefix.size());
        if (end > 0 && !value.contains('\\'))
            return QString::fromUtf8(value);
    }
    if (!line.contains(QByteArrayView("\"source\"")))
        return {};
    return QJsonDocument::fromJson(line.toByteArray()).object().value(QLatin1String("source")).toString();
}

QByteArray RecordMerger::withSource(QByteArrayView line, const QString &name)
{
    if (!sourceOf(line).isEmpty() || !line.startsWith('{'))
        return line.toByteArray();
    QByteArray out = QByteArrayLiteral("{\"source\":");
    out += QJsonDocument(QJsonObject{{QStringLiteral("v"), name}}).toJson(QJsonDocument::Compact).mid(5).chopped(1);
    if (line.size() > 1 && line.at(1) != '}')
        out += ',';
    out += line.sliced(1);
    return out;
}
