#include "timelinefiles.h"

#include "combinedtimelinemodel.h"
#include "logentry.h"
#include "recordlineparser.h"
#include "recordmerger.h"
#include "session.h"
#include "sessionview.h"
#include "timelinewidget.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHash>
#include <QMessageBox>
#include <QTimer>

#include <memory>

using Level = LogEntry::Level;

TimelineFiles::TimelineFiles(QWidget *window, std::function<SessionView *()> currentView)
    : QObject(window)
    , m_window(window)
    , m_currentView(std::move(currentView))
{
}

bool TimelineFiles::transferIdle()
{
    if (!m_currentView()->timeline()->isTransferRunning())
        return true;
    emit statusMessage(tr("An import or export is still running."), 5000);
    return false;
}

void TimelineFiles::exportWithDialog(bool onlyShown, bool includeSecretsByDefault)
{
    if (!transferIdle())
        return;
    const QString suggested =
        QDir::home().filePath(QStringLiteral("centrifugo-timeline-%1.jsonl")
                                  .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    // Qt's own dialog, so that the "Include secrets" choice sits in it, where the file is chosen.
    QFileDialog dialog(m_window, onlyShown ? tr("Export shown rows") : tr("Export timeline"), suggested,
                       tr("Recordings (*.jsonl);;All files (*)"));
    dialog.setObjectName(QStringLiteral("exportDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setDefaultSuffix(QStringLiteral("jsonl"));
    auto *include = new QCheckBox(tr("Include secrets (tokens, keys): a lossless copy; keep the file private"));
    include->setObjectName(QStringLiteral("includeSecrets"));
    include->setToolTip(tr("Off: tokens in connect, refresh and subscribe commands, JWTs and known keys are masked "
                           "in the file. On: every frame byte for byte."));
    include->setChecked(includeSecretsByDefault);
    if (auto *grid = qobject_cast<QGridLayout *>(dialog.layout()))
        grid->addWidget(include, grid->rowCount(), 0, 1, grid->columnCount());
    else
        include->setParent(&dialog); // never expected; the export then follows View ▸ Show secrets
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    exportTo(dialog.selectedFiles().constFirst(), onlyShown, include->isChecked());
}

bool TimelineFiles::exportTo(const QString &path, bool onlyShown, bool includeSecrets)
{
    SessionView *view = m_currentView();
    if (view->timeline()->exportJsonLines(path, onlyShown, includeSecrets))
        return true;
    view->log(Level::Error, tr("Could not export the timeline to %1: %2").arg(path, view->timeline()->noticeText()));
    return false;
}

void TimelineFiles::importWithDialog()
{
    if (!transferIdle())
        return;
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Import timeline"), QDir::homePath(),
                                     tr("Recordings and HAR files (*.jsonl *.har *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    SessionView *view = m_currentView();
    if (view->session()->state() != Session::State::Disconnected &&
        QMessageBox::question(m_window, tr("Import timeline"),
                              tr("The timeline is cleared and shows the file; new frames of the live connection "
                                 "are added after it. Import now?")) != QMessageBox::Yes)
        return;
    if (!view->timeline()->importFile(path, true))
        view->log(Level::Error, tr("Could not import %1: %2").arg(path, view->timeline()->noticeText()));
}

bool TimelineFiles::openFiles(const QStringList &paths)
{
    SessionView *view = m_currentView();
    QStringList usable;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            view->log(Level::Error, tr("Cannot open %1: no such readable file.").arg(path));
        else
            usable.append(info.absoluteFilePath());
    }
    if (usable.isEmpty())
        return false;
    if (view->timeline()->isTransferRunning()) {
        m_filesToOpen.append(usable); // after the running import or export
        return true;
    }
    m_filesToOpen = usable.mid(1);
    if (!view->timeline()->importFile(usable.constFirst(), true)) {
        view->log(Level::Error, tr("Could not import %1: %2").arg(usable.constFirst(), view->timeline()->noticeText()));
        importNextFile();
    }
    return true;
}

void TimelineFiles::importNextFile()
{
    SessionView *view = m_currentView();
    while (!m_filesToOpen.isEmpty() && !view->timeline()->isTransferRunning()) {
        const QString path = m_filesToOpen.takeFirst();
        if (view->timeline()->importFile(path, false))
            return;
        view->log(Level::Error, tr("Could not import %1: %2").arg(path, view->timeline()->noticeText()));
    }
}

bool TimelineFiles::openInCombined(const QStringList &paths, CombinedTimelineModel *model)
{
    auto merger = std::make_shared<RecordMerger>();
    QString error;
    if (!merger->open(paths, &error)) {
        m_currentView()->log(Level::Error, error);
        return false;
    }
    // Read in slices on the event loop, so that the window keeps answering while large files are merged.
    auto sources = std::make_shared<QHash<QString, int>>();
    auto lines = std::make_shared<qint64>(0);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, model, merger, sources, lines, step, paths] {
        QElapsedTimer slice;
        slice.start();
        RecordMerger::Line line;
        while (slice.elapsed() < 20) {
            if (!merger->next(&line)) {
                model->flush();
                QString text =
                    tr("Opened %n recording(s) in the combined timeline: %1 lines.", nullptr, int(paths.size()))
                        .arg(*lines);
                if (merger->badLines() > 0)
                    text += QLatin1Char(' ') + tr("Skipped %1 unreadable lines; the first: %2")
                                                   .arg(merger->badLines())
                                                   .arg(merger->firstBadLine());
                m_currentView()->log(merger->badLines() > 0 ? Level::Warning : Level::Info, text);
                *step = nullptr; // breaks the cycle; the running copy belongs to the timer
                return;
            }
            QString name = RecordMerger::sourceOf(line.text);
            if (name.isEmpty())
                name = merger->sourceName(line.file);
            auto it = sources->constFind(name);
            if (it == sources->constEnd())
                it = sources->insert(name, model->addSource(name));
            Frame frame;
            QString why;
            if (RecordLineParser::parse(line.text, &frame, &why)) {
                model->appendFrame(it.value(), frame);
                ++*lines;
            } else {
                m_currentView()->log(Level::Warning,
                                     tr("%1: a line could not be read: %2").arg(merger->sourceName(line.file), why));
            }
        }
        QTimer::singleShot(0, this, *step);
    };
    QTimer::singleShot(0, this, *step);
    return true;
}
