#pragma once

#include "timelineexporter.h"
#include "timelineimporter.h"

#include "sessionoptions.h"

#include <QWidget>
#include <functional>

class MessageDetailView;
class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QTableView;
class QVBoxLayout;
class QTimer;
class QToolButton;
class TimelineFilterModel;
class TimelineModel;

// The timeline of a session: a filter bar, the table of messages, and a detail pane for the selected message
// (MessageDetailView: pretty JSON, raw text, hex, explanation, from a MessageDetail). The table follows new rows
// while it is scrolled to the bottom; it stops following when the user scrolls up, selects a row (so the row the
// detail pane shows stays in view) or opens a recording, and says so next to the Follow button. Follow or
// scrolling back to the bottom resumes it (and clears the selection).
// Secrets (JWTs, command tokens, known secrets) are masked in the detail pane and in exported files unless asked
// for: setShowSecrets() for the screen, exportJsonLines(..., includeSecrets) per export. The stored frames are
// never changed.
class TimelineWidget : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineWidget(TimelineModel *model, QWidget *parent = nullptr);
    ~TimelineWidget() override;

    TimelineModel *model() const { return m_model; }
    TimelineFilterModel *filterModel() const { return m_filter; }
    QTableView *tableView() const { return m_table; }
    MessageDetailView *detailView() const { return m_detail; }

    // True while new rows scroll the table to the bottom.
    bool isFollowing() const { return m_follow; }
    // Why the table does not follow ("Not following: a row is selected."), empty while it follows.
    QString followNote() const;
    // Source row of the selected message, or -1.
    int currentSourceRow() const;
    // The status line text ("Messages: N | Frames: F | Shown: M | Dropped (oldest): K").
    QString statusText() const;

    // Loads a recording (JSON Lines) or a browser HAR file; by default the timeline is cleared first and the
    // view shows the recording from its start. Returns false when the file cannot be opened (the reason is in
    // the finished signal's summary and the notice line). Runs in slices: the UI keeps working.
    bool importFile(const QString &path, bool clearFirst = true);
    // Writes every stored frame, or only the frames of the rows the filter shows, as JSON Lines; secrets masked
    // unless includeSecrets (then the file is lossless).
    bool exportJsonLines(const QString &path, bool onlyShown = false, bool includeSecrets = false);
    // Secrets in the detail pane: masked (default) or shown.
    void setShowSecrets(bool show);
    bool showSecrets() const { return m_showSecrets; }
    // Known secrets to mask besides JWTs and command tokens (the session's, the secret store's); asked for each
    // time the detail pane is filled or an export starts.
    void setSecretSource(std::function<SecretMasker()> source) { m_secretSource = std::move(source); }
    // The connection a sent row is replayed against by "Copy as wscat / websocat" (URL, token, headers); without
    // one, the default options.
    void setConnectionSource(std::function<SessionOptions()> source) { m_connectionSource = std::move(source); }
    // A sent JSON row as a wscat (websocat = false) or websocat command line; empty for other rows.
    QString commandLineForRow(int sourceRow, bool websocat) const;
    // The selected rows as a scenario (ScenarioRecorder): sent commands as steps, what came back as expectations;
    // with nothing selected, every row the filter shows (*selectedOnly says which). Protobuf rows are left out.
    QByteArray scenarioFromSelection(bool *selectedOnly = nullptr) const;
    // Every row of the timeline, filters aside: the whole session as a scenario ("Copy session as scenario").
    QByteArray scenarioFromSession() const;
    bool isTransferRunning() const;
    // The last import/export summary shown under the table.
    QString noticeText() const;

public slots:
    void focusSearch();
    void clear();
    void setPaused(bool paused);
    // Applies the search text now instead of after the typing pause.
    void applySearchNow();
    void setFollowing(bool follow);
    void cancelTransfer();

signals:
    void followingChanged(bool following);
    void importFinished(const TimelineImporter::Summary &summary);
    void exportFinished(const TimelineExporter::Summary &summary);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class FollowStop { Asked, ScrolledUp, Selected, Opened };

    // The parts of the widget, top to bottom, and what keeps them current.
    void buildFilterBar();
    void buildTable();
    void buildStatusRow(QVBoxLayout *root);
    void buildTransfers();
    void connectModels();
    void retranslateUi();
    void updateColumnWidths();
    void stopFollowing(FollowStop reason);
    void updateFollowNote();
    void applyFilter();
    void updateKindButton();
    void updateChannels();
    void updateStatus();
    void scheduleStatus();
    void showDetail();
    void showRowMenu(const QPoint &position);
    void onRangeChanged(int min, int max);
    void onScrolled(int value);
    void showNotice(const QString &text, bool problem);
    void setTransferRunning(bool running);
    void saveScenario();
    QByteArray scenarioFromSourceRows(const QList<int> &sourceRows) const;

    TimelineModel *m_model;
    TimelineFilterModel *m_filter;

    QComboBox *m_direction = nullptr;
    QToolButton *m_kindButton = nullptr;
    QMenu *m_kindMenu = nullptr;
    QComboBox *m_channel = nullptr;
    QCheckBox *m_pingPong = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_regex = nullptr;
    QToolButton *m_caseSensitive = nullptr;
    QToolButton *m_pause = nullptr;
    QToolButton *m_clear = nullptr;
    QToolButton *m_followButton = nullptr;
    QTimer *m_searchDebounce = nullptr;
    QTimer *m_statusTimer = nullptr;
    int m_knownChannels = 0;

    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    MessageDetailView *m_detail = nullptr;
    QAction *m_allKinds = nullptr;
    QLabel *m_followNote = nullptr;
    FollowStop m_followStop = FollowStop::Asked;
    QLabel *m_status = nullptr;
    QLabel *m_notice = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelTransfer = nullptr;
    TimelineImporter *m_importer = nullptr;
    TimelineExporter *m_exporter = nullptr;

    bool m_follow = true;
    bool m_scrollingToBottom = false;
    bool m_showSecrets = false;
    std::function<SecretMasker()> m_secretSource;
    std::function<SessionOptions()> m_connectionSource;
};
