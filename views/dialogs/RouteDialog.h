#pragma once

#include "model/recipes/Route.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QTimer;
class QLineEdit;
class QSpinBox;

namespace egret::views {

// "Design a route": the pattern, the API it is written in, and its inputs, checked as they are
// typed. Shown when a workload is dragged onto an external host; it returns a RouteRequest for
// recipes::addRoute.
class RouteDialog : public QDialog {
    Q_OBJECT

public:
    explicit RouteDialog(QWidget *parent = nullptr);

    // Pre-fills from the gesture: the source's namespace and workload, the host and its port.
    void setRequest(const recipes::RouteRequest &request);
    recipes::RouteRequest request() const;
    // Hosts the Host field completes (any part of the name), e.g. the external hosts drawn.
    void setHostSuggestions(const QStringList &hosts);
    // Problems found by recipes when applying (e.g. a conflicting Gateway server), shown in the
    // dialog so the user can change the inputs.
    void showProblems(const QVector<recipes::InputProblem> &problems);

    // What the inputs would change, computed by `preview` off the GUI thread a moment after
    // they change (the latest inputs win) and shown as a diff under the form.
    using Preview = std::function<QByteArray(const recipes::RouteRequest &)>;
    void setPreview(Preview preview);
    QString previewText() const; // as shown
    // Emitted when a preview is shown (tests wait for it).
    Q_SIGNAL void previewShown();

    QComboBox *patternBox() const { return m_pattern; }
    // The dialect: Istio's API or the Gateway API (item data: recipes::Api).
    QComboBox *apiBox() const { return m_api; }

private:
    void updateFields();
    void validate();
    void startPreview();

    QComboBox *m_pattern;
    QComboBox *m_api;
    QLabel *m_patternHelp;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_namespace;
    QLineEdit *m_gateway;
    QSpinBox *m_gatewayPort;
    QLineEdit *m_credential;
    QLineEdit *m_subnet;
    QLineEdit *m_servingHost;
    QLabel *m_problems;
    QFormLayout *m_form;
    QDialogButtonBox *m_buttons;
    QString m_source;
    QString m_targetFile;
    MeshConfig m_mesh; // the installation given apart, passed through to the recipe
    Preview m_preview;
    QPlainTextEdit *m_previewView = nullptr;
    QTimer *m_previewTimer = nullptr;
    QFutureWatcher<QByteArray> *m_previewWatcher = nullptr;
    bool m_previewAgain = false; // the inputs changed while a preview was computed
};

} // namespace egret::views
