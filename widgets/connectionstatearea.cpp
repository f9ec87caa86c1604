#include "connectionstatearea.h"

#include "themecolors.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace {

QPixmap dot(const QColor &color, qreal dpr)
{
    QPixmap pm(QSize(14, 14) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(color.darker(130));
    p.setBrush(color);
    p.drawEllipse(QRectF(1.5, 1.5, 11, 11));
    return pm;
}

QLabel *wrappingLabel(const char *name)
{
    auto *label = new QLabel;
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // width from the dock, height from the text
    return label;
}

} // namespace

ConnectionStateArea::ConnectionStateArea(QWidget *parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("stateArea"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *layout = new QVBoxLayout(this);
    auto *headlineRow = new QHBoxLayout;
    m_icon = new QLabel;
    m_icon->setAlignment(Qt::AlignTop);
    m_headline = wrappingLabel("stateLabel");
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    headlineRow->addWidget(m_icon, 0, Qt::AlignTop);
    headlineRow->addWidget(m_headline, 1);
    layout->addLayout(headlineRow);

    m_explanation = wrappingLabel("explanationLabel");
    m_explanation->hide();
    layout->addWidget(m_explanation);
    m_tlsWarning = wrappingLabel("tlsWarningLabel");
    m_tlsWarning->setTextFormat(Qt::RichText);
    m_tlsWarning->hide();
    layout->addWidget(m_tlsWarning);

    m_details = new QFormLayout;
    m_details->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_details->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_clientId = wrappingLabel("clientIdLabel");
    m_serverVersion = wrappingLabel("serverVersionLabel");
    m_ping = wrappingLabel("pingLabel");
    m_rtt = wrappingLabel("rttLabel");
    m_lastClose = wrappingLabel("lastCloseLabel");
    QLabel *values[] = {m_clientId, m_serverVersion, m_ping, m_rtt, m_lastClose};
    for (int i = 0; i < 5; ++i) {
        m_detailNames[i] = new QLabel;
        m_detailNames[i]->setBuddy(values[i]);
        values[i]->setText(QStringLiteral("–"));
        m_details->addRow(m_detailNames[i], values[i]);
    }
    layout->addLayout(m_details);
    retranslateUi();
    setHeadline(QString(), ThemeColors::stateColor(ThemeColors::State::Idle, palette()));
}

void ConnectionStateArea::retranslateUi()
{
    setTitle(tr("State"));
    const QString names[] = {tr("Client id:"), tr("Server:"), tr("Ping:"), tr("Last RTT:"), tr("Last close:")};
    for (int i = 0; i < 5; ++i)
        m_detailNames[i]->setText(names[i]);
    m_icon->setAccessibleName(tr("Connection state"));
    updateGeometry();
}

void ConnectionStateArea::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        m_explanation->setStyleSheet(QStringLiteral("color: %1").arg(ThemeColors::problemText(palette()).name()));
    QGroupBox::changeEvent(event);
}

void ConnectionStateArea::setWrapped(QLabel *label, const QString &text)
{
    if (label->text() == text && label->isVisible() == !text.isEmpty())
        return;
    label->setText(text);
    label->setVisible(!text.isEmpty());
    updateGeometry();
}

void ConnectionStateArea::setHeadline(const QString &text, const QColor &color)
{
    m_color = color;
    m_icon->setPixmap(dot(color, qMax(1.0, devicePixelRatioF())));
    if (m_headline->text() != text) {
        m_headline->setText(text);
        m_headline->setAccessibleDescription(text);
        updateGeometry();
    }
}

void ConnectionStateArea::setExplanation(const QString &text)
{
    m_explanation->setStyleSheet(QStringLiteral("color: %1").arg(ThemeColors::problemText(palette()).name()));
    setWrapped(m_explanation, text);
}

void ConnectionStateArea::setTlsWarning(const QString &html)
{
    m_tlsWarning->setStyleSheet(QStringLiteral("color: %1").arg(ThemeColors::warningText(palette()).name()));
    setWrapped(m_tlsWarning, html);
}

void ConnectionStateArea::setClientId(const QString &text)
{
    setWrapped(m_clientId, text);
}

void ConnectionStateArea::setServerVersion(const QString &text)
{
    setWrapped(m_serverVersion, text);
}

void ConnectionStateArea::setPing(const QString &text)
{
    setWrapped(m_ping, text);
}

void ConnectionStateArea::setRtt(const QString &text)
{
    setWrapped(m_rtt, text);
}

void ConnectionStateArea::setLastClose(const QString &text, const QString &toolTip)
{
    m_lastClose->setToolTip(toolTip);
    setWrapped(m_lastClose, text);
}

QString ConnectionStateArea::headline() const
{
    return m_headline->text();
}

QString ConnectionStateArea::explanation() const
{
    return m_explanation->text();
}

QString ConnectionStateArea::lastClose() const
{
    return m_lastClose->text();
}

QLabel *ConnectionStateArea::detailLabel(int row) const
{
    QLabel *values[] = {m_clientId, m_serverVersion, m_ping, m_rtt, m_lastClose};
    return row >= 0 && row < 5 ? values[row] : nullptr;
}

QSize ConnectionStateArea::minimumSizeHint() const
{
    // The height the wrapped texts need at the current width (QLayout's minimum ignores height-for-width).
    const QSize base = QGroupBox::minimumSizeHint();
    const int w = width() > base.width() ? width() : qMax(base.width(), fontMetrics().averageCharWidth() * 40);
    return {base.width(), qMax(base.height(), layout()->totalHeightForWidth(w))};
}

QSize ConnectionStateArea::sizeHint() const
{
    return {QGroupBox::sizeHint().width(), minimumSizeHint().height()};
}

void ConnectionStateArea::resizeEvent(QResizeEvent *event)
{
    QGroupBox::resizeEvent(event);
    if (minimumSizeHint().height() != height())
        updateGeometry(); // wrapped to a new width: ask for the height that fits
}
