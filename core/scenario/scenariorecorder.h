#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QUrl>

// Turns recorded traffic of one session into a scenario to edit (docs/scenarios.md, "Recording"): the commands
// sent become send steps, the replies and pushes that came back become expectations. Values that change from run
// to run (ids, epochs, offsets, client ids) are left out of the patterns; publication data is kept.
class ScenarioRecorder
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioRecorder)

public:
    struct Message
    {
        Protocol::Direction direction = Protocol::Direction::In;
        QByteArray json; // the message's JSON text
    };

    // The scenario as indented JSON. Messages that are not JSON objects, pings and pongs are skipped.
    static QByteArray build(const QList<Message> &messages, const QString &name, const QUrl &url);
};
