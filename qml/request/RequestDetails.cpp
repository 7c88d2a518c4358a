#include "RequestDetails.h"

namespace countersign::gui {

RequestDetails::RequestDetails() = default;

RequestDetails::RequestDetails(Fields fields, QObject *parent) : QObject(parent), m_fields(std::move(fields))
{}

} // namespace countersign::gui
