#include "views/dialogs/RouteDialog.h"

#include "model/recipes/Patterns.h"
#include "views/review/DiffHighlighter.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace egret::views {

RouteDialog::RouteDialog(QWidget *parent)
    : QDialog(parent)
    , m_pattern(new QComboBox(this))
    , m_api(new QComboBox(this))
    , m_patternHelp(new QLabel(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_namespace(new QLineEdit(this))
    , m_gateway(new QLineEdit(this))
    , m_gatewayPort(new QSpinBox(this))
    , m_credential(new QLineEdit(this))
    , m_subnet(new QLineEdit(this))
    , m_servingHost(new QLineEdit(this))
    , m_problems(new QLabel(this))
    , m_form(new QFormLayout)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("routeDialog"));
    setWindowTitle(tr("Design a Route"));
    for (const recipes::PatternInfo &p : recipes::patterns())
        m_pattern->addItem(QLatin1String(p.name), int(p.pattern));
    for (recipes::Api api : {recipes::Api::Istio, recipes::Api::GatewayApi})
        m_api->addItem(recipes::apiTitle(api), int(api));
    m_api->setObjectName(QStringLiteral("api"));
    m_patternHelp->setWordWrap(true);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("pattern's default"));
    m_gatewayPort->setRange(0, 65535);
    m_gatewayPort->setSpecialValueText(tr("pattern's default"));
    m_namespace->setPlaceholderText(tr("the workspace's default namespace"));
    m_credential->setPlaceholderText(tr("client certificate Secret, in the gateway's namespace"));
    m_subnet->setPlaceholderText(tr("e.g. 203.0.113.7/32"));
    m_servingHost->setPlaceholderText(tr("the host that serves every name of the wildcard"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b42318"));
    m_problems->setObjectName(QStringLiteral("problems"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_namespace, m_gateway, m_credential,
                                                       m_subnet, m_servingHost})
        w->setMinimumWidth(320);

    m_form->addRow(tr("&Pattern:"), m_pattern);
    m_form->addRow(QString(), m_patternHelp);
    m_form->addRow(tr("&API:"), m_api);
    m_form->addRow(tr("&Host:"), m_host);
    m_form->addRow(tr("P&ort:"), m_port);
    m_form->addRow(tr("&Namespace:"), m_namespace);
    m_form->addRow(tr("&Gateway:"), m_gateway);
    m_form->addRow(tr("Gateway p&ort:"), m_gatewayPort);
    m_form->addRow(tr("&Credential:"), m_credential);
    m_form->addRow(tr("&Subnet:"), m_subnet);
    m_form->addRow(tr("Ser&ving host:"), m_servingHost);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pattern, &QComboBox::currentIndexChanged, this, &RouteDialog::updateFields);
    connect(m_api, &QComboBox::currentIndexChanged, this, &RouteDialog::updateFields);
    for (QLineEdit *e : {m_host, m_namespace, m_gateway, m_credential, m_subnet, m_servingHost})
        connect(e, &QLineEdit::textChanged, this, &RouteDialog::validate);
    for (QSpinBox *s : {m_port, m_gatewayPort})
        connect(s, &QSpinBox::valueChanged, this, &RouteDialog::validate);
    updateFields();
}

void RouteDialog::setHostSuggestions(const QStringList &hosts) {
    auto *completer = new QCompleter(hosts, m_host);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_host->setCompleter(completer);
}

void RouteDialog::setRequest(const recipes::RouteRequest &r) {
    m_mesh = r.mesh;
    m_pattern->setCurrentIndex(m_pattern->findData(int(r.pattern)));
    m_api->setCurrentIndex(m_api->findData(int(r.api.value_or(recipes::Api::Istio))));
    m_host->setText(r.host);
    m_port->setValue(int(r.port));
    m_namespace->setText(r.ns);
    m_gateway->setText(r.gateway);
    m_gatewayPort->setValue(int(r.gatewayPort));
    m_credential->setText(r.credentialName);
    m_subnet->setText(r.subnet);
    m_servingHost->setText(r.servingHost);
    m_source = r.sourceWorkload;
    m_targetFile = r.targetFile;
    updateFields();
}

recipes::RouteRequest RouteDialog::request() const {
    recipes::RouteRequest r;
    r.pattern = recipes::Pattern(m_pattern->currentData().toInt());
    r.api = recipes::Api(m_api->currentData().toInt());
    r.host = m_host->text().trimmed();
    r.port = m_port->value();
    r.ns = m_namespace->text().trimmed();
    r.sourceWorkload = m_source;
    r.gateway = m_gateway->text().trimmed();
    r.gatewayPort = m_gatewayPort->value();
    r.credentialName = m_credential->text().trimmed();
    r.subnet = m_subnet->text().trimmed();
    r.servingHost = m_servingHost->text().trimmed();
    r.targetFile = m_targetFile;
    r.mesh = m_mesh;
    return r;
}

void RouteDialog::updateFields() {
    const recipes::PatternInfo &info =
        recipes::patternInfo(recipes::Pattern(m_pattern->currentData().toInt()));
    const bool gatewayApi = recipes::Api(m_api->currentData().toInt()) == recipes::Api::GatewayApi;
    m_patternHelp->setText(
        QStringLiteral("<small>%1<br><i>%2</i>%3</small>")
            .arg(QLatin1String(info.summary), QLatin1String(info.istioTask),
                 gatewayApi ? tr("<br>Gateway API: %1").arg(QLatin1String(info.gatewayApi))
                            : QString()));
    m_gateway->setPlaceholderText(gatewayApi
                                      ? tr("find an egress Gateway (class istio) in the namespace, "
                                           "or create <host>-egress-gateway")
                                      : tr("find or create istio-egressgateway"));
    m_form->setRowVisible(m_gateway, info.viaGateway);
    m_form->setRowVisible(m_gatewayPort, info.viaGateway);
    m_form->setRowVisible(m_credential, info.needsCredential);
    m_form->setRowVisible(m_subnet, info.needsSubnet);
    m_form->setRowVisible(m_servingHost, info.viaGateway && info.allowsWildcard);
    validate();
}

void RouteDialog::validate() {
    showProblems(recipes::validateRequest(request()));
    if (m_preview)
        m_previewTimer->start();
}

void RouteDialog::setPreview(Preview preview) {
    m_preview = std::move(preview);
    if (!m_previewView) {
        m_previewView = new QPlainTextEdit(this);
        m_previewView->setObjectName(QStringLiteral("routePreview"));
        m_previewView->setReadOnly(true);
        m_previewView->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_previewView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_previewView->setMinimumHeight(180);
        new DiffHighlighter(m_previewView->document());
        static_cast<QVBoxLayout *>(layout())->insertWidget(2, m_previewView, 1);
        m_previewTimer = new QTimer(this);
        m_previewTimer->setSingleShot(true);
        m_previewTimer->setInterval(250);
        connect(m_previewTimer, &QTimer::timeout, this, &RouteDialog::startPreview);
        resize(std::max(width(), 760), std::max(height(), 720)); // room for the diff
        m_previewWatcher = new QFutureWatcher<QByteArray>(this);
        connect(m_previewWatcher, &QFutureWatcherBase::finished, this, [this] {
            if (m_previewAgain) { // stale: the inputs changed meanwhile
                m_previewAgain = false;
                startPreview();
                return;
            }
            m_previewView->setPlainText(QString::fromUtf8(m_previewWatcher->result()));
            Q_EMIT previewShown();
        });
    }
    m_previewTimer->start();
}

QString RouteDialog::previewText() const {
    return m_previewView ? m_previewView->toPlainText() : QString();
}

void RouteDialog::startPreview() {
    if (m_previewWatcher->isRunning()) {
        m_previewAgain = true;
        return;
    }
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled()) {
        m_previewView->setPlainText(tr("# the change shows here once the inputs are complete"));
        Q_EMIT previewShown();
        return;
    }
    m_previewWatcher->setFuture(QtConcurrent::run(m_preview, request()));
}

void RouteDialog::showProblems(const QVector<recipes::InputProblem> &problems) {
    m_problems->setText(recipes::describe(problems));
    m_problems->setVisible(!problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

} // namespace egret::views
