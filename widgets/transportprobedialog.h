#pragma once

#include "sessionoptions.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;
class TransportProbe;

// Tools ▸ Probe transports: runs the core's TransportProbe against the server of the connection panel and shows a
// row per transport as its result comes (works or failed, connect time, command round trip, the reason).
class TransportProbeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TransportProbeDialog(const SessionOptions &options, QWidget *parent = nullptr);

private:
    void start();

    SessionOptions m_options;
    TransportProbe *m_probe; // child
    QLabel *m_server;
    QTableWidget *m_table;
    QPushButton *m_again;
};
