#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QString>

// Where a scenario file is wrong: "FILE:LINE:COLUMN: step N (name): message".
struct ScenarioError
{
    QString file;
    int line = 0;   // 1-based; 0 = the file as a whole
    int column = 0; // 1-based; 0 = unknown
    int step = 0;   // 1-based; 0 = not inside a step
    QString stepName;
    QString message;

    QString toString() const;
};

// Reads a scenario file (JSON, or YAML when the name ends in .yaml / .yml: the same model; docs/scenarios.md and
// docs/scenario.schema.json) and checks all that can be
// checked before anything runs: the syntax, the step kinds and their fields, patterns, sessions used before
// they are opened, and ${variables} that nothing defines.
class ScenarioParser
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioParser)

public:
    static bool load(const QString &path, Scenario *scenario, ScenarioError *error);
    // fileName is used in errors, and its suffix says whether the text is YAML.
    static bool parse(const QByteArray &text, const QString &fileName, Scenario *scenario, ScenarioError *error);
    static bool isYaml(const QString &fileName);
};
