#pragma once

#include <QWidget>

class LoadRunner;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimer;

// A live view of a load run (docs/load.md): the run's settings, Start and Stop, and the figures (connections
// held, latency percentiles, deliveries and losses, errors, CPU and memory) refreshed twice a second.
class LoadPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LoadPanel(LoadRunner *runner, QWidget *parent = nullptr);

    // The figures as shown.
    QString figuresText() const;

public slots:
    void start();
    void stop();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void updateButtons();

    LoadRunner *m_runner;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_apiUrl = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QSpinBox *m_connections = nullptr;
    QSpinBox *m_channels = nullptr;
    QSpinBox *m_rate = nullptr;
    QSpinBox *m_duration = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_via = nullptr; // who publishes: the server API or a connection of the run
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QPlainTextEdit *m_figures = nullptr;
    QTimer *m_refresh = nullptr;
};
