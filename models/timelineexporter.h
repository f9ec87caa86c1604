#pragma once

#include "secretmasker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

#include <memory>
#include <vector>

class TimelineModel;

// Writes the frames of a TimelineModel to a recording (JSON Lines, core/recording/framerecord.h) in slices of about 20
// ms per event-loop turn, so the UI keeps running and frames keep arriving. It writes the frames stored when it starts
// (or those holding the given rows); frames the cap drops before they are written are counted, never skipped silently.
// The file is replaced only when everything was written (QSaveFile).
//
// Secrets are masked unless setIncludeSecrets(true) was called: JWT-looking strings, the tokens of connect,
// refresh, subscribe and sub_refresh commands (also opaque ones, in every later frame too) and the known secrets
// of setSecretMasker(). Text frames stay valid JSON, Protobuf frames keep their length and still decode
// (FrameMasker). With secrets included the file is lossless: every frame byte for byte.
class TimelineExporter : public QObject
{
    Q_OBJECT

public:
    struct Summary
    {
        QString path;
        qint64 frames = 0;  // frames written
        qint64 dropped = 0; // messages the cap dropped before they could be written
        bool secretsIncluded = false;
        qint64 maskedFrames = 0; // frames written with secrets masked
        QString error;
        bool cancelled = false;

        bool ok() const { return error.isEmpty() && !cancelled; }
        QString text() const;
    };

    explicit TimelineExporter(TimelineModel *model, QObject *parent = nullptr);
    ~TimelineExporter() override;

    // Exports every stored frame, or (rowSerials not empty) the frames holding those rows (FrameStore serials,
    // ascending, e.g. TimelineFilterModel::serials()). Returns false when the file cannot be created.
    bool start(const QString &path, std::vector<qint64> rowSerials = {});
    // For the next start(): write secrets as they are (lossless) instead of masking them. Off by default.
    void setIncludeSecrets(bool include) { m_includeSecrets = include; }
    bool includeSecrets() const { return m_includeSecrets; }
    // Known secrets to mask besides JWTs and command tokens (the session's and the secret store's).
    void setSecretMasker(const SecretMasker &masker) { m_baseMasker = masker; }
    void cancel();
    bool isRunning() const { return m_running; }
    QString lastError() const { return m_summary.error; }

signals:
    void progress(qint64 done, qint64 total);
    void finished(const TimelineExporter::Summary &summary);

private:
    void writeSlice();
    void finish();

    static constexpr qint64 kSliceMs = 20;

    QPointer<TimelineModel> m_model;
    Summary m_summary;
    bool m_running = false;
    std::unique_ptr<QSaveFile> m_file;
    std::vector<qint64> m_serials; // empty: every serial in [m_next, m_end)
    size_t m_index = 0;
    qint64 m_next = 0;
    qint64 m_end = 0;
    qint64 m_lastFrameSerial = -1; // serial of the first row of the last frame written: each frame once
    qint64 m_total = 0;
    qint64 m_done = 0;
    QTimer m_timer;
    bool m_includeSecrets = false;
    SecretMasker m_baseMasker;
    SecretMasker m_masker; // the base plus the command tokens met during this export
};

Q_DECLARE_METATYPE(TimelineExporter::Summary)
