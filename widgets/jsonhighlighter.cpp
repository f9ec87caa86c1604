#include "jsonhighlighter.h"

#include <QColor>

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_key.setForeground(QColor(0x1f, 0x4e, 0x99));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(QColor(0x1b, 0x7f, 0x3a));
    m_number.setForeground(QColor(0xa3, 0x3c, 0x00));
    m_literal.setForeground(QColor(0x8a, 0x2b, 0x9e));
    m_punctuation.setForeground(QColor(0x60, 0x60, 0x60));
    m_placeholder.setForeground(QColor(0xb0, 0x00, 0x20));
    m_placeholder.setBackground(QColor(0xff, 0xf0, 0xc0));
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
