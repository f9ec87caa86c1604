#include "profilemanagerdialog.h"

#include "profileeditor.h"
#include "profilestore.h"
#include "secretstore.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QVBoxLayout>

ProfileManagerDialog::ProfileManagerDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets)
{
    setWindowTitle(tr("Connection Profiles"));
    buildUi();
    selectProfile(m_store->currentId());
}

ProfileManagerDialog::~ProfileManagerDialog() = default;

void ProfileManagerDialog::buildUi()
{
    m_list = new QListView(this);
    m_list->setModel(m_store);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_new = new QPushButton(tr("&New"), this);
    m_duplicate = new QPushButton(tr("D&uplicate"), this);
    m_rename = new QPushButton(tr("&Rename…"), this);
    m_delete = new QPushButton(tr("De&lete"), this);
    m_import = new QPushButton(tr("&Import…"), this);
    m_export = new QPushButton(tr("E&xport…"), this);
    m_new->setShortcut(QKeySequence::New);
    m_duplicate->setShortcut(QKeySequence(QStringLiteral("Ctrl+D")));
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_new->setToolTip(tr("New profile (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_duplicate->setToolTip(tr("Copy the selected profile with its secrets (Ctrl+D)"));
    m_rename->setToolTip(tr("Rename the selected profile (F2)"));
    m_delete->setToolTip(tr("Delete the selected profile and its secrets (Delete)"));
    m_export->setToolTip(tr("Save profiles to a JSON file. Tokens, secrets and API keys are never written."));
    auto *deleteShortcut = new QShortcut(QKeySequence::Delete, m_list);
    deleteShortcut->setContext(Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, this, &ProfileManagerDialog::deleteProfile);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    auto *grid = new QHBoxLayout;
    grid->addWidget(m_new);
    grid->addWidget(m_duplicate);
    leftLayout->addLayout(grid);
    auto *grid2 = new QHBoxLayout;
    grid2->addWidget(m_rename);
    grid2->addWidget(m_delete);
    leftLayout->addLayout(grid2);
    auto *grid3 = new QHBoxLayout;
    grid3->addWidget(m_import);
    grid3->addWidget(m_export);
    leftLayout->addLayout(grid3);

    m_editor = new ProfileEditor(m_secrets, this);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({240, 760});

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_apply = buttons->addButton(QDialogButtonBox::Apply);
    m_apply->setShortcut(QKeySequence::Save);
    m_revert = buttons->addButton(tr("Re&vert"), QDialogButtonBox::ResetRole);
    m_use = buttons->addButton(tr("Use and &Connect"), QDialogButtonBox::ActionRole);
    m_use->setShortcut(QKeySequence(QStringLiteral("Ctrl+Return")));
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        if (confirmLeavingModified())
            reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(1040, 760);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ProfileManagerDialog::onSelectionChanged);
    connect(m_list, &QListView::doubleClicked, this, &ProfileManagerDialog::useProfile);
    connect(m_new, &QPushButton::clicked, this, &ProfileManagerDialog::createProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ProfileManagerDialog::duplicateProfile);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename Profile"), tr("New name:"), QLineEdit::Normal,
                                                   m_store->profile(selectedId()).name, &ok);
        if (ok)
            renameProfile(name);
    });
    connect(m_delete, &QPushButton::clicked, this, &ProfileManagerDialog::deleteProfile);
    connect(m_apply, &QPushButton::clicked, this, &ProfileManagerDialog::apply);
    connect(m_revert, &QPushButton::clicked, this, &ProfileManagerDialog::revert);
    connect(m_use, &QPushButton::clicked, this, &ProfileManagerDialog::useProfile);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export Profiles"),
                                         QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                             QStringLiteral("/centrifugo-profiles.json"),
                                         tr("Profiles (*.json)"));
        if (path.isEmpty())
            return;
        const bool all =
            m_store->count() == 1 ||
            QMessageBox::question(this, tr("Export Profiles"),
                                  tr("Export all %1 profiles? (No: only the selected one.)").arg(m_store->count())) ==
                QMessageBox::Yes;
        exportProfiles(path, all);
    });
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Profiles"), QString(),
                                                          tr("Profiles (*.json);;All files (*)"));
        if (!path.isEmpty())
            importProfiles(path);
    });
    connect(m_editor, &ProfileEditor::modifiedChanged, this, &ProfileManagerDialog::updateButtons);
    connect(m_editor, &ProfileEditor::tokenGeneratorRequested, this, &ProfileManagerDialog::tokenGeneratorRequested);
    connect(m_store, &ProfileStore::currentChanged, this, &ProfileManagerDialog::updateButtons);
    connect(m_store, &QAbstractItemModel::rowsRemoved, this, &ProfileManagerDialog::updateButtons);
    connect(m_store, &QAbstractItemModel::rowsInserted, this, &ProfileManagerDialog::updateButtons);
    if (m_secrets)
        connect(m_secrets, &SecretStore::backendChanged, this, &ProfileManagerDialog::updateButtons);
}

QString ProfileManagerDialog::selectedId() const
{
    return m_list->currentIndex().data(ProfileStore::IdRole).toString();
}

void ProfileManagerDialog::selectProfile(const QString &id)
{
    const QModelIndex index = m_store->indexOfId(id);
    if (index.isValid())
        m_list->setCurrentIndex(index);
}

void ProfileManagerDialog::onSelectionChanged()
{
    if (m_switching)
        return;
    const QString id = selectedId();
    if (id == m_shownId)
        return;
    if (!m_shownId.isEmpty() && m_store->contains(m_shownId) && !confirmLeavingModified()) {
        // Stay on the profile with unsaved changes.
        m_switching = true;
        selectProfile(m_shownId);
        m_switching = false;
        return;
    }
    m_shownId = id;
    m_editor->setProfile(m_store->profile(id));
    m_message->clear();
    updateButtons();
}

bool ProfileManagerDialog::confirmLeavingModified()
{
    if (!m_editor->isModified())
        return true;
    if (!m_confirm)
        return apply();
    const auto answer =
        QMessageBox::question(this, tr("Unsaved Changes"),
                              tr("The profile \"%1\" has unsaved changes.").arg(m_store->profile(m_shownId).name),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return apply();
    if (answer == QMessageBox::Discard) {
        m_editor->setModified(false);
        return true;
    }
    return false;
}

void ProfileManagerDialog::updateButtons()
{
    const bool selected = !selectedId().isEmpty();
    m_duplicate->setEnabled(selected);
    m_rename->setEnabled(selected);
    m_delete->setEnabled(selected && m_store->count() > 1);
    m_export->setEnabled(m_store->count() > 0);
    m_apply->setEnabled(m_editor->isModified());
    m_revert->setEnabled(m_editor->isModified());
    m_use->setEnabled(selected);
}

void ProfileManagerDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

QString ProfileManagerDialog::lastMessage() const
{
    return m_message->text();
}

QString ProfileManagerDialog::createProfile()
{
    if (!confirmLeavingModified())
        return {};
    const QString id = m_store->create(tr("New profile"));
    selectProfile(id);
    showMessage(tr("Created \"%1\".").arg(m_store->profile(id).name));
    return id;
}

QString ProfileManagerDialog::duplicateProfile()
{
    if (!confirmLeavingModified())
        return {};
    const QString id = m_store->duplicate(selectedId());
    if (id.isEmpty())
        return {};
    selectProfile(id);
    showMessage(tr("Created \"%1\" with the same settings and secrets.").arg(m_store->profile(id).name));
    return id;
}

bool ProfileManagerDialog::renameProfile(const QString &name)
{
    const QString id = selectedId();
    QString error;
    if (!m_store->rename(id, name, &error)) {
        showMessage(error, true);
        return false;
    }
    // Keep unsaved edits of other fields; only the name changes underneath.
    const bool modified = m_editor->isModified();
    ConnectionProfile shown = m_editor->profile();
    shown.name = m_store->profile(id).name;
    if (!modified)
        m_editor->setProfile(m_store->profile(id));
    showMessage(tr("Renamed to \"%1\".").arg(shown.name));
    return true;
}

bool ProfileManagerDialog::deleteProfile()
{
    const QString id = selectedId();
    const ConnectionProfile profile = m_store->profile(id);
    if (id.isEmpty())
        return false;
    if (m_confirm &&
        QMessageBox::question(this, tr("Delete Profile"),
                              tr("Delete the profile \"%1\" and the secrets stored for it?").arg(profile.name)) !=
            QMessageBox::Yes)
        return false;
    QString error;
    m_editor->setModified(false);
    if (!m_store->remove(id, &error)) {
        showMessage(error, true);
        return false;
    }
    m_shownId.clear();
    onSelectionChanged();
    showMessage(tr("Deleted \"%1\".").arg(profile.name));
    return true;
}

bool ProfileManagerDialog::apply()
{
    const ConnectionProfile edited = m_editor->profile();
    QString error;
    if (!m_store->update(edited, &error)) {
        showMessage(error, true);
        return false;
    }
    m_editor->saveSecrets();
    m_editor->setModified(false);
    const QStringList problems = edited.problems();
    if (problems.isEmpty())
        showMessage(m_secrets && !m_secrets->isPersistent()
                        ? tr("Saved. Secrets are kept in memory only until the application exits.")
                        : tr("Saved."));
    else
        showMessage(tr("Saved, but: %1").arg(problems.join(QLatin1Char(' '))), true);
    updateButtons();
    return true;
}

void ProfileManagerDialog::revert()
{
    m_editor->setProfile(m_store->profile(m_shownId));
    showMessage(tr("Changes discarded."));
}

void ProfileManagerDialog::useProfile()
{
    const QString id = selectedId();
    if (id.isEmpty() || (m_editor->isModified() && !apply()))
        return;
    m_store->setCurrent(id);
    emit connectRequested(id);
    accept();
}

bool ProfileManagerDialog::exportProfiles(const QString &path, bool all)
{
    QStringList ids;
    if (all) {
        for (const ConnectionProfile &p : m_store->profiles())
            ids << p.id;
    } else {
        ids << selectedId();
    }
    QString error;
    if (!m_store->exportToFile(path, ids, &error)) {
        showMessage(error, true);
        return false;
    }
    showMessage(tr("Profiles exported: %1, to %2. Tokens, secrets and API keys are not in the file.")
                    .arg(ids.size())
                    .arg(path));
    return true;
}

QStringList ProfileManagerDialog::importProfiles(const QString &path)
{
    QString error;
    const QStringList ids = m_store->importFromFile(path, &error);
    if (ids.isEmpty()) {
        showMessage(error, true);
        return ids;
    }
    QStringList needing;
    for (const QString &id : ids) {
        if (!m_store->profile(id).neededSecrets().isEmpty())
            needing << m_store->profile(id).name;
    }
    selectProfile(ids.first());
    QString text = tr("Profiles imported: %1.").arg(ids.size());
    if (!needing.isEmpty())
        text += QLatin1Char(' ') +
                tr("Enter their secrets (not part of exported files): %1.").arg(needing.join(QStringLiteral(", ")));
    showMessage(text);
    return ids;
}
