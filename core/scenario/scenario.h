#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One step of a scenario as written in the file (docs/scenarios.md). The runner reads `spec` again at run time,
// after ${variables} are substituted, because captured values exist only then.
struct ScenarioStep
{
    enum class Kind { Open, Send, Expect, Api, Wait, Fault, Close };

    Kind kind = Kind::Wait;
    int index = 0; // 0-based position in "steps"
    int line = 0;  // 1-based line of the step in the file
    QString name;  // "name" of the step, or a generated one ("send subscribe on alice")
    QString session;
    QJsonObject spec;

    static QLatin1String kindName(Kind kind);
};

// Where the scenario's sessions and API calls go; command-line options replace the file's "defaults".
struct ScenarioSettings
{
    QString url;    // WebSocket URL
    QString apiUrl; // server API base URL
    QString apiKey;
    QString hmacSecret; // signs "claims" tokens (HS256)
    int timeoutMs = 0;  // default time limit of a step; 0 = keep the file's
};

// A parsed scenario file.
struct Scenario
{
    static constexpr int kDefaultTimeoutMs = 5000;

    QString filePath;
    QString name;
    QString description;
    ScenarioSettings settings; // from "defaults"
    QJsonObject variables;     // initial values
    QList<ScenarioStep> steps;

    // The file's settings with every non-empty field of `overrides` put over them.
    void applyOverrides(const ScenarioSettings &overrides);
};

// The outcome of one step, as the runner reports it.
struct ScenarioStepResult
{
    enum class Status { Passed, Failed, Skipped };

    int index = 0;
    QString name;
    Status status = Status::Skipped;
    QString reason; // why it failed (or skipped); for a pass, what matched
    qint64 elapsedMs = 0;
    // The server could not be reached at all (refused, unknown host, no handshake answer): a setup error, not a
    // finding about the server's behaviour.
    bool unreachable = false;
    // The frames the step sent or matched, or the closest candidate when it failed, as "session > text" lines.
    QStringList frames;
};

Q_DECLARE_METATYPE(ScenarioStepResult)
