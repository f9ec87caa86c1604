#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QtGlobal>

// Logging of the test harness ("inspector.test.harness"). Info and warnings are on; the server's own log lines
// are debug messages: QT_LOGGING_RULES="inspector.test.harness.debug=true" shows them live.
Q_DECLARE_LOGGING_CATEGORY(lcTestHarness)

namespace TestSupport {

// Root of the source tree: $INSPECTOR_SOURCE_DIR (set by inspector_add_test), else the path baked in at
// configure time.
QString sourceDir();

// Absolute path of a file in the source tree, e.g. sourcePath(u"tests/node"_s).
QString sourcePath(const QString &relative);

// Makes, with openssl in dir, a test CA named caName (ca.pem, ca.key) and a server certificate signed by it for IP
// 127.0.0.1 only (server.pem, server.key; "localhost" deliberately not included: tests use it as a hostname mismatch).
// Valid for 2 days. False, with the reason logged, when openssl fails.
bool makeTestCertificates(const QString &dir, const QString &caName);

// Asks the OS for a free loopback port: bind port 0, read the port, release it (0 when none). A server started on
// it may still find it taken by then: retry on "address already in use".
quint16 freeLoopbackPort();

// size letters "abc...zabc...", for payloads of a chosen size (e.g. larger than Session's read chunk).
QString letters(int size);

} // namespace TestSupport
