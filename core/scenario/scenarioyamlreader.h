#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

// Reads a YAML scenario file (yaml-cpp) into the JSON model the JSON files give, so that one parser checks both,
// and keeps where each step and each key is for the error messages. Plain scalars are resolved as YAML 1.2's core
// schema says (null, true/false, integers, floats, else strings); quoted ones are strings.
class ScenarioYamlReader
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioYamlReader)

public:
    struct Position
    {
        int line = 0;   // 1-based
        int column = 0; // 1-based
    };
    struct Key
    {
        int step = -1; // index of the element of the top-level "steps" the key is in, -1 outside them
        QString name;
        Position at;
    };
    struct Result
    {
        QJsonValue value;
        QList<Position> steps; // where each element of the top-level "steps" begins
        QList<Key> keys;       // every mapping key, in the order of the file
    };

    // False with *error and *at (where the problem is) when the text is not YAML or holds what JSON cannot
    // (a key that is not a scalar, a duplicate key, infinity, an unknown tag).
    static bool read(const QByteArray &text, Result *result, QString *error, Position *at);
};
