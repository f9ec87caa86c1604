#include "messagedetailview.h"

#include "jsonhighlighter.h"
#include "messagedetail.h"
#include "themecolors.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

QString row(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

MessageDetailView::MessageDetailView(QWidget *parent)
    : QWidget(parent)
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto makeText = [this, &mono](const char *name) {
        auto *edit = new QPlainTextEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setReadOnly(true);
        edit->setFont(mono);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        return edit;
    };
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setContentsMargins(4, 2, 4, 2);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_pretty = makeText("prettyView");
    new JsonHighlighter(m_pretty->document());
    m_raw = makeText("rawView");
    m_raw->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_hex = makeText("hexView");
    m_explanation = new QTextBrowser(this);
    m_explanation->setObjectName(QStringLiteral("explanationView"));
    m_explanation->setOpenLinks(false);
    m_tabs->addTab(m_pretty, QString());
    m_tabs->addTab(m_raw, QString());
    m_tabs->addTab(m_hex, QString());
    m_tabs->addTab(m_explanation, QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs);
    retranslateUi();
}

void MessageDetailView::retranslateUi()
{
    m_tabs->setTabText(0, tr("Pretty JSON"));
    m_tabs->setTabText(1, tr("Raw"));
    m_tabs->setTabText(2, tr("Hex"));
    m_tabs->setTabText(3, tr("Explanation"));
    m_pretty->setAccessibleName(tr("Message as pretty JSON"));
    m_raw->setAccessibleName(tr("Message as raw text"));
    m_hex->setAccessibleName(tr("Message bytes in hex"));
    m_explanation->setAccessibleName(tr("Explanation of the message"));
    if (m_empty)
        m_summary->setText(tr("Select a message to see it decoded and explained."));
}

void MessageDetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        updateSummaryColour();
    QWidget::changeEvent(event);
}

void MessageDetailView::updateSummaryColour()
{
    m_summary->setStyleSheet(
        m_problem ? QStringLiteral("QLabel { color: %1; }").arg(ThemeColors::problemText(palette()).name())
                  : QString());
}

QString MessageDetailView::summaryText() const
{
    return m_summary->text();
}

void MessageDetailView::clear()
{
    m_empty = true;
    m_problem = false;
    m_summary->setText(tr("Select a message to see it decoded and explained."));
    updateSummaryColour();
    m_pretty->clear();
    m_raw->clear();
    m_hex->clear();
    m_explanation->clear();
}

void MessageDetailView::show(const MessageDetail &d)
{
    if (!d.valid) {
        clear();
        return;
    }
    m_empty = false;
    m_problem = d.problem;
    m_summary->setText(d.masked ? d.sentence + QLatin1Char(' ') +
                                      tr("Secrets in it are masked; View ▸ Show secrets shows them.")
                                : d.sentence);
    updateSummaryColour();
    m_pretty->setPlainText(d.pretty);
    m_raw->setPlainText(d.raw);
    m_hex->setPlainText(d.hex);

    QString html = QStringLiteral("<p><b>%1</b></p>").arg(d.sentence.toHtmlEscaped());
    // describe() usually includes the code's meaning already; add it only when it does not.
    if (d.hasCode && !d.sentence.contains(d.code.meaning)) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Code %1 (%2): %3")
                             .arg(d.code.code)
                             .arg(d.code.known ? d.code.name : tr("not a documented code"), d.code.meaning)
                             .toHtmlEscaped());
        const QString advice = d.code.adviceText();
        if (!advice.isEmpty() && !d.sentence.contains(advice))
            html += QStringLiteral("<p><i>%1</i></p>").arg(advice.toHtmlEscaped());
    }
    if (!d.decoderProblem.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("Decoder: %1").arg(d.decoderProblem).toHtmlEscaped());
    html += QStringLiteral("<table>");
    for (const auto &fact : d.facts)
        html += row(fact.first, fact.second);
    html += QStringLiteral("</table>");
    m_explanation->setHtml(html);
}
