#pragma once
// OSCAL's models as a table: every assembly, field and flag definition of the eight root models,
// compiled from the OSCAL Metaschema by scripts/gen-oscal-model into model_table.cpp. The
// document reader, writer and validator are driven by it; nothing here knows a particular model.
//
// Vocabulary (Metaschema's): an assembly has flags (XML attributes, JSON properties) and a model
// of child instances (assemblies and fields); a field has flags and one value of a datatype. An
// instance that may occur more than once is grouped under its group-as name: in JSON an array
// (or one object when there is one, SINGLETON_OR_ARRAY; or an object keyed by a flag, BY_KEY),
// in XML repeated elements (UNGROUPED) or inside one wrapper element (GROUPED).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cyberframe::oscal::model {

enum class Kind : std::uint8_t { k_assembly, k_field };

enum class DataType : std::uint8_t {
  k_string,
  k_token,
  k_uuid,
  k_uri,
  k_uri_reference,
  k_date,
  k_date_time,
  k_date_with_timezone,
  k_date_time_with_timezone,
  k_integer,
  k_positive_integer,
  k_non_negative_integer,
  k_decimal,
  k_boolean,
  k_email_address,
  k_base64,
  k_hostname,
  k_ip_v4_address,
  k_ip_v6_address,
  k_day_time_duration,
  k_year_month_duration,
  k_markup_line,
  k_markup_multiline,
  k_ncname,
};
std::string_view to_string(DataType type);
// Integer and decimal types are JSON numbers; boolean is a JSON boolean; the rest are strings.
bool is_number(DataType type);
bool is_markup(DataType type);

enum class InJson : std::uint8_t { k_array, k_singleton_or_array, k_by_key };
enum class InXml : std::uint8_t { k_ungrouped, k_grouped };

struct Flag {
  std::string_view name;  // the XML attribute and the JSON property
  DataType type;
  bool required;
};

// One instance in an assembly's model.
struct Child {
  std::string_view xml_name;   // element name (use-name or the definition's name)
  std::string_view json_name;  // the group-as name when it may repeat, else xml_name
  std::uint16_t definition;    // index into all_definitions()
  std::uint16_t min_occurs;
  std::uint16_t max_occurs;  // 0: unbounded
  InJson in_json;
  InXml in_xml;         // k_grouped: the items sit inside one <json_name> element
  bool wrapped;         // markup-multiline field: false when its blocks sit directly in the parent
  std::uint8_t choice;  // nonzero: one of the alternatives numbered so in this model
  bool repeats() const { return max_occurs != 1; }
};

struct Definition {
  std::string_view name;
  Kind kind;
  DataType type;                         // a field's value
  std::string_view json_value_key;       // a field with flags: its value's property ("" default)
  std::string_view json_value_key_flag;  // the value's property is this flag's value
  std::string_view json_key;             // BY_KEY groups: the flag that is the key
  bool collapsible;
  bool any;  // the model allows other content
  std::uint16_t flag_first;
  std::uint16_t flag_count;
  std::uint16_t child_first;
  std::uint16_t child_count;

  std::span<const Flag> flags() const;
  std::span<const Child> children() const;
  const Flag* flag(std::string_view name) const;
  const Child* child_by_xml(std::string_view name) const;
  const Child* child_by_json(std::string_view name) const;
  // A field's value property in JSON when it has flags: json_value_key or the Metaschema
  // default (RICHTEXT for markup, STRVALUE otherwise). Empty when json_value_key_flag applies.
  std::string_view value_key() const;
  // The unwrapped markup-multiline child, whose blocks appear directly in the XML element.
  const Child* unwrapped_markup() const;
};

struct Root {
  std::string_view name;
  std::uint16_t definition;
};

extern const std::string_view k_metaschema_version;

std::span<const Flag> all_flags();
std::span<const Child> all_children();
std::span<const Definition> all_definitions();
std::span<const Root> roots();

const Definition& definition(std::uint16_t index);

// How deep a document may nest: deeper than any OSCAL document needs (parts within parts within
// controls ...), shallow enough that recursion over it (reading, validating) is safe.
inline constexpr int k_max_depth = 200;

// `key` as one token of the JSON-Pointer-like paths that say where a problem is (RFC 6901: '~'
// as "~0", '/' as "~1").
std::string escape_pointer(std::string_view key);
// The definition of a root model by its root name, or nullptr.
const Definition* root(std::string_view name);

}  // namespace cyberframe::oscal::model
