#pragma once

#include <QWidget>

class TimelineModel;

// Timeline view with filter bar and detail pane (work in progress).
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineWidget(TimelineModel *model, QWidget *parent = nullptr)
        : QWidget(parent)
    {
        Q_UNUSED(model)
    }
};
