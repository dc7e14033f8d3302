#pragma once

#include "harness/HttpTransport.h"

#include <QObject>

namespace gs::harness {

// The plugin's root object: makes HttpTransports on QNetworkAccessManager. Loaded by
// HttpTransportLoader on the first Harness request, so nothing maps Qt Network before that.
class QtNetworkTransportPlugin : public QObject, public HttpTransportFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID GS_HTTP_TRANSPORT_FACTORY_IID)
    Q_INTERFACES(gs::harness::HttpTransportFactory)
public:
    std::unique_ptr<HttpTransport> createTransport() override;
};

} // namespace gs::harness
