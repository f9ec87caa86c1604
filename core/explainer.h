#pragma once

#include "closeinfo.h"
#include "codeexplanation.h"
#include "protocolmessage.h"

#include <QCoreApplication>

// Maps every client error, disconnect and unsubscribe code of the protocol to words, and explains messages.
class Explainer
{
    Q_DECLARE_TR_FUNCTIONS(Explainer)

public:
    static CodeExplanation error(int code);
    static CodeExplanation disconnect(int code);
    static CodeExplanation unsubscribe(int code);

    // Codes with a documented meaning, for tests and reference tables.
    static QList<int> knownErrorCodes();
    static QList<int> knownDisconnectCodes();
    static QList<int> knownUnsubscribeCodes();

    // One sentence about any decoded message: what it is and, for errors and disconnects, what it means.
    static QString describe(const ProtocolMessage &message);
    // Who closed a connection and why, in one or two sentences, with what a client should do.
    static QString describeClose(const CloseInfo &close);

private:
    static QString describeReply(const ProtocolMessage &message);
};
