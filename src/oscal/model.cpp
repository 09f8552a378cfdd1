#include "oscal/model.hpp"

namespace cyberframe::oscal::model {

std::string escape_pointer(std::string_view key) {
  std::string s;
  for (char c : key) {
    if (c == '~') {
      s += "~0";
    } else if (c == '/') {
      s += "~1";
    } else {
      s += c;
    }
  }
  return s;
}

std::string_view to_string(DataType type) {
  switch (type) {
    case DataType::k_string:
      return "string";
    case DataType::k_token:
      return "token";
    case DataType::k_uuid:
      return "uuid";
    case DataType::k_uri:
      return "uri";
    case DataType::k_uri_reference:
      return "uri-reference";
    case DataType::k_date:
      return "date";
    case DataType::k_date_time:
      return "date-time";
    case DataType::k_date_with_timezone:
      return "date-with-timezone";
    case DataType::k_date_time_with_timezone:
      return "date-time-with-timezone";
    case DataType::k_integer:
      return "integer";
    case DataType::k_positive_integer:
      return "positive-integer";
    case DataType::k_non_negative_integer:
      return "non-negative-integer";
    case DataType::k_decimal:
      return "decimal";
    case DataType::k_boolean:
      return "boolean";
    case DataType::k_email_address:
      return "email-address";
    case DataType::k_base64:
      return "base64";
    case DataType::k_hostname:
      return "hostname";
    case DataType::k_ip_v4_address:
      return "ip-v4-address";
    case DataType::k_ip_v6_address:
      return "ip-v6-address";
    case DataType::k_day_time_duration:
      return "day-time-duration";
    case DataType::k_year_month_duration:
      return "year-month-duration";
    case DataType::k_markup_line:
      return "markup-line";
    case DataType::k_markup_multiline:
      return "markup-multiline";
    case DataType::k_ncname:
      return "ncname";
  }
  return "string";
}

bool is_number(DataType type) {
  return type == DataType::k_integer || type == DataType::k_positive_integer ||
         type == DataType::k_non_negative_integer || type == DataType::k_decimal;
}

bool is_markup(DataType type) {
  return type == DataType::k_markup_line || type == DataType::k_markup_multiline;
}

std::span<const Flag> Definition::flags() const {
  return all_flags().subspan(flag_first, flag_count);
}

std::span<const Child> Definition::children() const {
  return all_children().subspan(child_first, child_count);
}

const Flag* Definition::flag(std::string_view flag_name) const {
  for (const auto& f : flags())
    if (f.name == flag_name) return &f;
  return nullptr;
}

const Child* Definition::child_by_xml(std::string_view element_name) const {
  for (const auto& c : children()) {
    if (c.in_xml == InXml::k_grouped && c.repeats()) {
      if (c.json_name == element_name) return &c;
    } else if (c.xml_name == element_name &&
               (c.wrapped || !is_markup(definition(c.definition).type))) {
      return &c;
    }
  }
  return nullptr;
}

const Child* Definition::child_by_json(std::string_view property) const {
  for (const auto& c : children())
    if (c.json_name == property) return &c;
  return nullptr;
}

std::string_view Definition::value_key() const {
  if (!json_value_key.empty()) return json_value_key;
  if (!json_value_key_flag.empty()) return {};
  return is_markup(type) ? "RICHTEXT" : "STRVALUE";
}

const Child* Definition::unwrapped_markup() const {
  for (const auto& c : children())
    if (!c.wrapped && definition(c.definition).type == DataType::k_markup_multiline) return &c;
  return nullptr;
}

const Definition& definition(std::uint16_t index) {
  return all_definitions()[index];
}

const Definition* root(std::string_view name) {
  for (const auto& r : roots())
    if (r.name == name) return &definition(r.definition);
  return nullptr;
}

}  // namespace cyberframe::oscal::model
