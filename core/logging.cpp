#include "logging.h"

Q_LOGGING_CATEGORY(lcSession, "inspector.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSessionTrace, "inspector.session.trace", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTransport, "inspector.transport", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransportTrace, "inspector.transport.trace", QtWarningMsg)
Q_LOGGING_CATEGORY(lcApi, "inspector.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProxy, "inspector.proxy", QtInfoMsg)
