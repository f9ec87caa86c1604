#include "profileactions.h"

#include "connectionpanel.h"
#include "logentry.h"
#include "profilemanagerdialog.h"
#include "profileresolver.h"
#include "profilestore.h"
#include "reconnector.h"
#include "secretstore.h"
#include "session.h"
#include "sessionview.h"
#include "subscriptionpanel.h"
#include "tokenclaims.h"
#include "tokendecoderdialog.h"
#include "tokengeneratordialog.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QUrl>

#include <memory>

using Level = LogEntry::Level;

ProfileActions::ProfileActions(QSettings *settings, QWidget *window, std::function<SessionView *()> currentView)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_currentView(std::move(currentView))
{
}

void ProfileActions::ensureProfiles()
{
    if (m_profiles || !m_settings)
        return;
    m_secrets = new SecretStore(QStringLiteral("centrifugo-inspector"), SecretStore::Mode::Auto, this);
    m_profiles = new ProfileStore(m_settings, this);
    m_profiles->setSecretStore(m_secrets);
    m_resolver = new ProfileResolver(m_secrets, this);
    connect(m_resolver, &ProfileResolver::resolved, this, [this](const ProfileResolver::Result &result) {
        SessionView *target = m_profileTarget ? m_profileTarget.data() : m_currentView();
        if (target->session()->state() != Session::State::Disconnected) {
            for (const QString &warning : result.warnings)
                target->log(Level::Warning, warning);
            return; // connected some other way meanwhile
        }
        target->setName(result.profile.name);
        target->applyProfile(result);
    });
}

void ProfileActions::showProfiles()
{
    ensureProfiles();
    if (!m_profiles)
        return;
    auto *dialog = new ProfileManagerDialog(m_profiles, m_secrets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileManagerDialog::connectRequested, this, &ProfileActions::connectWithProfile);
    connect(dialog, &ProfileManagerDialog::tokenGeneratorRequested, this,
            [this](const TokenClaims &claims, const QString &secret) {
                TokenGeneratorDialog *generator = tokenGenerator();
                generator->setSecret(secret);
                generator->setClaims(claims);
                generator->show();
                generator->raise();
            });
    dialog->show();
}

void ProfileActions::connectWithProfile(const QString &profileId)
{
    ensureProfiles();
    if (!m_profiles)
        return;
    const ConnectionProfile profile = m_profiles->profile(profileId);
    SessionView *view = m_currentView();
    m_profileTarget = view;
    Session *session = view->session();
    Reconnector *reconnector = view->reconnector();
    if (session->state() == Session::State::Disconnected) {
        m_resolver->resolve(profile);
        return;
    }
    // Connected (or connecting) already: offer to close this connection and connect with the profile.
    QMessageBox box(QMessageBox::Question, tr("Connect with profile"),
                    tr("The inspector is connected to %1. Disconnect and connect with the profile \"%2\"?")
                        .arg(session->options().url.toString(QUrl::RemovePassword), profile.name),
                    QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("reconnectWithProfileQuestion"));
    box.button(QMessageBox::Yes)->setText(tr("Reconnect"));
    box.setDefaultButton(QMessageBox::Yes);
    if (box.exec() != QMessageBox::Yes)
        return;
    reconnector->cancel();
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(session, &Session::stateChanged, this, [this, once, profile, reconnector](Session::State state) {
        if (state != Session::State::Disconnected)
            return;
        disconnect(*once);
        reconnector->cancel(); // the profile's connect, not an automatic reconnect
        m_resolver->resolve(profile);
    });
    session->close();
}

TokenGeneratorDialog *ProfileActions::tokenGenerator()
{
    if (!m_tokenGenerator) {
        m_tokenGenerator = new TokenGeneratorDialog(m_window);
        connect(m_tokenGenerator, &TokenGeneratorDialog::useAsConnectionToken, this, [this](const QString &token) {
            m_currentView()->connectionPanel()->setToken(token);
            emit statusMessage(tr("Token set in the connection panel; connect (Ctrl+K) to use it."), 8000);
        });
        connect(m_tokenGenerator, &TokenGeneratorDialog::useAsSubscriptionToken, this,
                [this](const QString &channel, const QString &token) {
                    m_currentView()->subscriptionPanel()->prepareSubscribe(channel, token);
                    emit statusMessage(tr("Subscription token set for %1; press Subscribe to use it.").arg(channel),
                                       8000);
                });
    }
    return m_tokenGenerator;
}

void ProfileActions::showTokenGenerator()
{
    TokenGeneratorDialog *generator = tokenGenerator();
    generator->show();
    generator->raise();
    generator->activateWindow();
}

void ProfileActions::showTokenDecoder()
{
    auto *decoder = new TokenDecoderDialog(m_window);
    decoder->setAttribute(Qt::WA_DeleteOnClose);
    decoder->setToken(m_currentView()->connectionPanel()->token());
    connect(decoder, &TokenDecoderDialog::editRequested, this, [this](const TokenClaims &claims) {
        tokenGenerator()->setClaims(claims);
        showTokenGenerator();
    });
    decoder->show();
}
