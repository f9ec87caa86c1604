#pragma once

#include <QLoggingCategory>

// Qt logging categories of the core. Trace categories are off by default; enable them with
// QT_LOGGING_RULES="inspector.*.trace.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcSessionTrace)
Q_DECLARE_LOGGING_CATEGORY(lcTransport)
Q_DECLARE_LOGGING_CATEGORY(lcTransportTrace)
Q_DECLARE_LOGGING_CATEGORY(lcApi)   // server HTTP API calls (ServerApiClient)
Q_DECLARE_LOGGING_CATEGORY(lcProxy) // proxy mode (core/proxy): connections, faults, what happened per connection
