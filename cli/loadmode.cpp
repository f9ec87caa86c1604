#include "loadmode.h"

#include <QJsonDocument>

namespace {

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

LoadMode::LoadMode(const CliOptions &options, FILE *out, FILE *err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(out)
    , m_err(err)
{
    connect(&m_runner, &LoadRunner::progress, this,
            [this](const QString &text) { print(m_err, QLatin1Char('\r') + text + QLatin1String("   ")); });
    connect(&m_runner, &LoadRunner::finished, this, [this](const LoadReport &report) {
        print(m_err, QLatin1Char('\n') + report.text());
        print(m_out,
              QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        const bool ok = report.connectionsHeld == report.connectionsWanted && report.lost() == 0;
        emit finished(ok ? CliOptions::kExitOk : CliOptions::kExitConnection);
    });
}

void LoadMode::start()
{
    m_runner.start(m_options.load);
}
