#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class ProfileResolver;
class ProfileStore;
class QSettings;
class QWidget;
class SecretStore;
class SessionView;
class TokenGeneratorDialog;

// The window's saved connection profiles and token tools: the Profiles dialog, connecting the current session with a
// profile (its secrets from the secret store), the token generator and the token decoder. The stores are created
// when first needed: probing the keychain is slow on some desktops.
class ProfileActions : public QObject
{
    Q_OBJECT

public:
    // window parents the dialogs; currentView gives the session the actions work on when they are asked for.
    ProfileActions(QSettings *settings, QWidget *window, std::function<SessionView *()> currentView);

    // Null until a profile action first ran (or without settings).
    SecretStore *secrets() const { return m_secrets; }

    void showProfiles();
    // Connects the current session with a saved profile; asks first when it is connected already.
    void connectWithProfile(const QString &profileId);
    void showTokenGenerator();
    // Opens the connection panel's token, decoded.
    void showTokenDecoder();

signals:
    void statusMessage(const QString &text, int timeoutMs);

private:
    void ensureProfiles();
    TokenGeneratorDialog *tokenGenerator();

    QSettings *m_settings;
    QWidget *m_window;
    std::function<SessionView *()> m_currentView;
    SecretStore *m_secrets = nullptr;
    ProfileStore *m_profiles = nullptr;
    ProfileResolver *m_resolver = nullptr;
    QPointer<SessionView> m_profileTarget; // the session the running profile resolve is for
    QPointer<TokenGeneratorDialog> m_tokenGenerator;
};
