#pragma once

#include "tokenclaims.h"

#include <QDialog>
#include <QPointer>

class ProfileEditor;
class ProfileStore;
class QLabel;
class QListView;
class QPushButton;
class SecretStore;

// Manages connection profiles: the list (current one in bold) with New, Duplicate, Rename, Delete, Use, Import and
// Export, and the editor of the selected profile with Apply/Revert. Changes go to the ProfileStore (settings) and
// secrets to the SecretStore; exported files never contain secrets. Keyboard: Ctrl+N new, Ctrl+D duplicate,
// F2 rename, Delete delete, Ctrl+S apply, Ctrl+Return use and connect.
class ProfileManagerDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileManagerDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent = nullptr);
    ~ProfileManagerDialog() override;

    QString selectedId() const;
    void selectProfile(const QString &id);
    ProfileEditor *editor() const { return m_editor; }

public slots:
    QString createProfile();
    QString duplicateProfile();
    bool renameProfile(const QString &name);
    bool deleteProfile(); // asks for confirmation unless confirmations are off
    // Saves the editor's fields into the store and its secrets into the secret store.
    bool apply();
    void revert();
    // Applies, makes the selected profile current and asks to connect with it.
    void useProfile();
    bool exportProfiles(const QString &path, bool all);
    QStringList importProfiles(const QString &path);

signals:
    // The user chose "Use and Connect": the profile is current now; the window connects with it.
    void connectRequested(const QString &profileId);
    void tokenGeneratorRequested(const TokenClaims &claims, const QString &secret);

public:
    // For tests: no modal questions (delete confirmation, unsaved changes), answers are "yes" / "save".
    void setConfirmationsEnabled(bool enabled) { m_confirm = enabled; }
    QString lastMessage() const;

private:
    void buildUi();
    void onSelectionChanged();
    bool confirmLeavingModified();
    void updateButtons();
    void showMessage(const QString &text, bool error = false);

    QPointer<ProfileStore> m_store;
    QPointer<SecretStore> m_secrets;
    QListView *m_list = nullptr;
    ProfileEditor *m_editor = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_use = nullptr;
    QLabel *m_message = nullptr;
    QString m_shownId;
    bool m_confirm = true;
    bool m_switching = false;
};
