#include "signalwatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// The handler may only touch async-signal-safe state: the write end of the pipe.
int g_writeFd = -1;
int g_readFd = -1;

void onSignal(int number)
{
    const unsigned char byte = static_cast<unsigned char>(number);
    if (g_writeFd >= 0) {
        const ssize_t ignored = ::write(g_writeFd, &byte, 1);
        (void)ignored;
    }
}

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    int fds[2];
    if (g_writeFd >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
        return;
    g_writeFd = fds[0];
    g_readFd = fds[1];
    ::fcntl(g_writeFd, F_SETFL, O_NONBLOCK);
    m_notifier = new QSocketNotifier(g_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onReadable);

    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_notifier)
        return;
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    ::close(g_writeFd);
    ::close(g_readFd);
    g_writeFd = g_readFd = -1;
}

void SignalWatcher::onReadable()
{
    unsigned char byte = 0;
    if (::read(g_readFd, &byte, 1) == 1)
        emit terminationRequested(int(byte));
}
