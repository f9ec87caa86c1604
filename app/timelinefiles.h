#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class CombinedTimelineModel;
class QWidget;
class SessionView;

// The window's files of traffic: exporting the current session's timeline (all rows or the shown ones, secrets
// masked unless asked), importing recordings and HAR captures into it one after the other, and reading recordings
// into the combined timeline.
class TimelineFiles : public QObject
{
    Q_OBJECT

public:
    // window parents the dialogs; currentView gives the session whose timeline the files go to or come from.
    TimelineFiles(QWidget *window, std::function<SessionView *()> currentView);

    // Asks for the file (and whether to include secrets, checked when includeSecretsByDefault) and exports.
    void exportWithDialog(bool onlyShown, bool includeSecretsByDefault);
    // The export without the dialog; false (and a line in the log) when it could not start.
    bool exportTo(const QString &path, bool onlyShown, bool includeSecrets);
    // Asks for a file and imports it; asks first when the session is connected (its timeline is cleared).
    void importWithDialog();
    // Opens recordings (*.jsonl) and HAR captures (*.har) one after the other: the first replaces the timeline, the
    // others are added after it. Unreadable files are reported in the log; false when none could be opened.
    bool openFiles(const QStringList &paths);
    // Call when an import finished: starts the next of openFiles().
    void importNextFile();
    // Reads recordings merged in time order into model, one source per file ("source" of merged recordings, else
    // the file's name), in slices of the event loop; false (and a line in the log) when they cannot be opened.
    bool openInCombined(const QStringList &paths, CombinedTimelineModel *model);

signals:
    void statusMessage(const QString &text, int timeoutMs);

private:
    // False (and a status message) while the current timeline imports or exports.
    bool transferIdle();

    QWidget *m_window;
    std::function<SessionView *()> m_currentView;
    QStringList m_filesToOpen; // opened after the running import
};
