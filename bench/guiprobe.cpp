// Benchmarks 5 and 6a from outside the GUI process, through the X server (run under Xvfb):
//
//   bench_guiprobe startup RUNS -- APP ARGS...
//     Launches APP RUNS times and measures launch -> its top-level window is mapped (shown), and launch -> the
//     window answers its first _NET_WM_PING (the event loop runs after show()).
//
//   bench_guiprobe stall -- APP ARGS...
//     Launches APP, waits for its window, then keeps one _NET_WM_PING in flight at a time (sent at most every
//     5 ms). Qt answers a ping from its main thread's event loop, so each round trip is an upper bound of how long
//     the event loop was busy. Samples are kept between SIGUSR1 (start) and SIGUSR2 (stop and report); SIGTERM
//     reports, ends APP and exits. Prints JSON lines: {"event":"mapped",...}, {"event":"stats",...}.
//
// Plain Xlib and POSIX, no Qt: the probe must not share anything with the process it measures.
#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

volatile sig_atomic_t g_measure = 0;
volatile sig_atomic_t g_report = 0;
volatile sig_atomic_t g_quit = 0;

double nowMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Probe
{
    Display *dpy = nullptr;
    Window root = 0;
    Atom wmProtocols = 0;
    Atom netWmPing = 0;
    Atom netWmPid = 0;
};

pid_t launch(char **argv)
{
    const pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], argv);
        std::perror("execvp");
        _exit(127);
    }
    return pid;
}

long windowPid(const Probe &p, Window w)
{
    Atom type = 0;
    int format = 0;
    unsigned long n = 0;
    unsigned long after = 0;
    unsigned char *data = nullptr;
    long pid = -1;
    if (XGetWindowProperty(p.dpy, w, p.netWmPid, 0, 1, False, XA_CARDINAL, &type, &format, &n, &after, &data) ==
            Success &&
        data && n == 1 && format == 32)
        pid = long(*reinterpret_cast<unsigned long *>(data));
    if (data)
        XFree(data);
    return pid;
}

// Waits for a top-level window of pid to be mapped; returns it (0 on timeout or if the process died).
// Blocks until the X server writes, the deadline passes or a signal comes: a short timeout would wake the probe a
// thousand times a second and take CPU from the GUI it measures.
void waitReadable(int fd, double deadline)
{
    pollfd pfd{fd, POLLIN, 0};
    poll(&pfd, 1, int(std::max(1.0, std::min(100.0, deadline - nowMs()))));
}

Window waitMapped(const Probe &p, pid_t pid, double timeoutMs)
{
    const double deadline = nowMs() + timeoutMs;
    const int fd = ConnectionNumber(p.dpy);
    while (nowMs() < deadline) {
        while (XPending(p.dpy)) {
            XEvent ev;
            XNextEvent(p.dpy, &ev);
            if (ev.type == MapNotify && ev.xmap.event == p.root && windowPid(p, ev.xmap.window) == pid)
                return ev.xmap.window;
        }
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid)
            return 0;
        waitReadable(fd, deadline);
    }
    return 0;
}

void sendPing(const Probe &p, Window w, long seq)
{
    XEvent ev{};
    ev.xclient.type = ClientMessage;
    ev.xclient.window = w;
    ev.xclient.message_type = p.wmProtocols;
    ev.xclient.format = 32;
    ev.xclient.data.l[0] = long(p.netWmPing);
    ev.xclient.data.l[1] = seq;
    ev.xclient.data.l[2] = long(w);
    XSendEvent(p.dpy, w, False, NoEventMask, &ev);
    XFlush(p.dpy);
}

// Waits for the answer to ping seq; returns false on timeout.
bool waitPong(const Probe &p, Window w, long seq, double timeoutMs)
{
    const double deadline = nowMs() + timeoutMs;
    const int fd = ConnectionNumber(p.dpy);
    while (nowMs() < deadline && !g_quit) {
        while (XPending(p.dpy)) {
            XEvent ev;
            XNextEvent(p.dpy, &ev);
            if (ev.type == ClientMessage && ev.xclient.message_type == p.wmProtocols &&
                Atom(ev.xclient.data.l[0]) == p.netWmPing && Window(ev.xclient.data.l[2]) == w &&
                ev.xclient.data.l[1] == seq)
                return true;
        }
        waitReadable(fd, deadline);
    }
    return false;
}

void endApp(pid_t pid)
{
    kill(pid, SIGTERM);
    for (int i = 0; i < 300; ++i) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid)
            return;
        usleep(10000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5));
    return v[i];
}

int runStartup(const Probe &p, int runs, char **app)
{
    std::vector<double> mapped;
    std::vector<double> answered;
    for (int r = 0; r < runs; ++r) {
        const double t0 = nowMs();
        const pid_t pid = launch(app);
        const Window w = waitMapped(p, pid, 30000);
        if (!w) {
            std::fprintf(stderr, "run %d: no window\n", r);
            endApp(pid);
            return 1;
        }
        const double m = nowMs() - t0;
        sendPing(p, w, 1);
        const bool ok = waitPong(p, w, 1, 30000);
        const double a = nowMs() - t0;
        mapped.push_back(m);
        answered.push_back(ok ? a : -1);
        endApp(pid);
    }
    std::string list;
    for (size_t i = 0; i < mapped.size(); ++i)
        list += (i ? "," : "") + std::to_string(mapped[i]);
    std::printf("{\"benchmark\":\"startup\",\"runs\":%d,\"mapped_ms\":[%s],\"median_mapped_ms\":%.1f,"
                "\"median_first_ping_ms\":%.1f,\"first_run_mapped_ms\":%.1f}\n",
                runs, list.c_str(), percentile(mapped, 0.5), percentile(answered, 0.5), mapped.front());
    return 0;
}

void report(const std::vector<double> &rtt, double seconds, int timeouts)
{
    int over17 = 0;
    int over50 = 0;
    double sum = 0;
    for (double v : rtt) {
        over17 += v > 17;
        over50 += v > 50;
        sum += v;
    }
    std::printf("{\"event\":\"stats\",\"samples\":%zu,\"seconds\":%.2f,\"max_ms\":%.2f,\"p99_ms\":%.2f,"
                "\"p50_ms\":%.2f,\"mean_ms\":%.2f,\"over_17ms\":%d,\"over_50ms\":%d,\"timeouts\":%d}\n",
                rtt.size(), seconds, rtt.empty() ? 0 : *std::max_element(rtt.begin(), rtt.end()), percentile(rtt, 0.99),
                percentile(rtt, 0.5), rtt.empty() ? 0 : sum / double(rtt.size()), over17, over50, timeouts);
    std::fflush(stdout);
}

int runStall(const Probe &p, char **app)
{
    const double t0 = nowMs();
    const pid_t pid = launch(app);
    const Window w = waitMapped(p, pid, 30000);
    if (!w) {
        std::fprintf(stderr, "no window\n");
        endApp(pid);
        return 1;
    }
    std::printf("{\"event\":\"mapped\",\"pid\":%d,\"ms\":%.1f}\n", int(pid), nowMs() - t0);
    std::fflush(stdout);

    std::vector<double> rtt;
    double measureStart = 0;
    int timeouts = 0;
    long seq = 1;
    while (!g_quit) {
        if (g_measure && measureStart == 0) {
            measureStart = nowMs();
            rtt.clear();
            timeouts = 0;
        }
        if (g_report) {
            g_report = 0;
            g_measure = 0;
            report(rtt, (nowMs() - measureStart) / 1e3, timeouts);
            measureStart = 0;
            rtt.clear();
        }
        const double sent = nowMs();
        sendPing(p, w, ++seq);
        if (waitPong(p, w, seq, 10000)) {
            if (g_measure)
                rtt.push_back(nowMs() - sent);
        } else if (!g_quit) {
            ++timeouts;
            if (g_measure)
                rtt.push_back(nowMs() - sent);
        }
        const double next = sent + 5;
        for (double left = next - nowMs(); left > 0 && !g_quit; left = next - nowMs())
            usleep(useconds_t(left * 1000));
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            std::fprintf(stderr, "the application exited\n");
            report(rtt, measureStart ? (nowMs() - measureStart) / 1e3 : 0, timeouts);
            return 1;
        }
    }
    if (measureStart != 0)
        report(rtt, (nowMs() - measureStart) / 1e3, timeouts);
    endApp(pid);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    int sep = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0) {
            sep = i;
            break;
        }
    }
    if (argc < 3 || sep == 0 || sep + 1 >= argc) {
        std::fprintf(stderr, "usage: bench_guiprobe startup RUNS -- APP ARGS... | stall -- APP ARGS...\n");
        return 2;
    }
    Probe p;
    p.dpy = XOpenDisplay(nullptr);
    if (!p.dpy) {
        std::fprintf(stderr, "cannot open the X display (run under xvfb-run)\n");
        return 2;
    }
    p.root = DefaultRootWindow(p.dpy);
    p.wmProtocols = XInternAtom(p.dpy, "WM_PROTOCOLS", False);
    p.netWmPing = XInternAtom(p.dpy, "_NET_WM_PING", False);
    p.netWmPid = XInternAtom(p.dpy, "_NET_WM_PID", False);
    // Map notifications of top-level windows (SubstructureNotify) and the ping answers, which Qt sends to the root
    // with StructureNotify | SubstructureRedirect, both arrive here.
    XSelectInput(p.dpy, p.root, SubstructureNotifyMask | StructureNotifyMask);
    XFlush(p.dpy);

    struct sigaction sa = {};
    sa.sa_handler = [](int s) {
        if (s == SIGUSR1)
            g_measure = 1;
        else if (s == SIGUSR2)
            g_report = 1;
        else
            g_quit = 1;
    };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, nullptr);
    sigaction(SIGUSR2, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);

    char **app = argv + sep + 1;
    if (std::strcmp(argv[1], "startup") == 0)
        return runStartup(p, std::max(1, std::atoi(argv[2])), app);
    if (std::strcmp(argv[1], "stall") == 0)
        return runStall(p, app);
    std::fprintf(stderr, "unknown mode %s\n", argv[1]);
    return 2;
}
