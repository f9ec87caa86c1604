#include "jsonhighlighter.h"

#include "themecolors.h"

#include <QApplication>
#include <QColor>
#include <QEvent>
#include <QTextDocument>
#include <QWidget>

namespace {

// The widget that shows the document (a QPlainTextEdit owns its document through a text control).
QWidget *viewOf(QObject *object)
{
    while (object && !object->isWidgetType())
        object = object->parent();
    return static_cast<QWidget *>(object);
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_key.setFontWeight(QFont::DemiBold);
    QWidget *view = viewOf(document);
    if (view)
        view->installEventFilter(this);
    const QPalette palette = view ? view->palette() : QApplication::palette();
    setPalette(palette);
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    using ThemeColors::Json;
    m_key.setForeground(ThemeColors::json(Json::Key, palette));
    m_string.setForeground(ThemeColors::json(Json::String, palette));
    m_number.setForeground(ThemeColors::json(Json::Number, palette));
    m_literal.setForeground(ThemeColors::json(Json::Literal, palette));
    m_punctuation.setForeground(ThemeColors::json(Json::Punctuation, palette));
    m_placeholder.setForeground(ThemeColors::json(Json::Placeholder, palette));
    m_placeholder.setBackground(ThemeColors::json(Json::PlaceholderBackground, palette));
    rehighlight();
}

bool JsonHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && watched->isWidgetType())
        setPalette(static_cast<QWidget *>(watched)->palette());
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            while (j < n && text.at(j) != QLatin1Char('"')) {
                if (text.at(j) == QLatin1Char('\\'))
                    ++j;
                ++j;
            }
            const qsizetype end = qMin(j + 1, n);
            // A string followed by ':' is a key.
            qsizetype k = end;
            while (k < n && text.at(k).isSpace())
                ++k;
            const bool isKey = k < n && text.at(k) == QLatin1Char(':');
            const int start = int(i);
            const int length = int(end - i);
            const QStringView inner = QStringView(text).mid(i + 1, qMax<qsizetype>(0, end - i - 2));
            if (!isKey && inner.size() > 2 && inner.startsWith(QLatin1Char('<')) && inner.endsWith(QLatin1Char('>')))
                setFormat(start, length, m_placeholder);
            else
                setFormat(start, length, isKey ? m_key : m_string);
            i = end;
        } else if (c == QLatin1Char('-') || c.isDigit()) {
            qsizetype j = i + 1;
            while (j < n &&
                   (text.at(j).isDigit() || text.at(j) == QLatin1Char('.') || text.at(j) == QLatin1Char('e') ||
                    text.at(j) == QLatin1Char('E') || text.at(j) == QLatin1Char('+') || text.at(j) == QLatin1Char('-')))
                ++j;
            setFormat(int(i), int(j - i), m_number);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < n && text.at(j).isLetter())
                ++j;
            const QStringView word = QStringView(text).mid(i, j - i);
            if (word == QLatin1String("true") || word == QLatin1String("false") || word == QLatin1String("null"))
                setFormat(int(i), int(j - i), m_literal);
            i = j;
        } else {
            if (QStringView(u"{}[]:,").contains(c))
                setFormat(int(i), 1, m_punctuation);
            ++i;
        }
    }
}
