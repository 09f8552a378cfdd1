#pragma once
// OSCAL's markup-line and markup-multiline: XML (an HTML subset in the OSCAL namespace) to the
// Markdown that OSCAL's JSON and YAML forms carry, and back.
//
// The Markdown is the dialect OSCAL uses: *em*, **strong**, `code`, "q", ~sub~, ^sup^,
// [text](href), ![alt](src "title"), {{ insert: param, id }}, and for blocks paragraphs separated
// by a blank line, "# " headings, "* " and "1. " list items (nested lists indented four spaces),
// "> " quotes, ``` fenced preformatted text and "|" tables. Characters that would read as markup
// are escaped with a backslash (\* \` \" \~ \^ \\, "[" before "](", "{" before "{"), so
// XML -> Markdown -> XML gives the same elements. XML whitespace in text is collapsed to one
// space (as NIST's converters do), never trimmed; <b> and <i> become ** and * (as <strong> and
// <em>).

#include <span>
#include <string>
#include <string_view>

#include "util/result.hpp"

struct _xmlNode;

namespace cyberframe::oscal::markup {

// The OSCAL XML namespace, and what both the document reader and the markup converter ask of an
// XML node: its (local) name, whether it is in that namespace.
inline constexpr const char* k_namespace = "http://csrc.nist.gov/ns/oscal/1.0";
std::string_view name_of(const _xmlNode* node);
bool in_oscal_namespace(const _xmlNode* node);
// Whether `text` is only XML whitespace (space, tab, newline, carriage return), or empty.
bool is_whitespace_only(std::string_view text);

// Elements that may stand as blocks of markup-multiline (p, h1-h6, ul, ol, pre, blockquote,
// table, hr).
bool is_block_element(std::string_view name);

// The inline content of `element` (its children) as Markdown. Errors name the element and line
// of anything that is not inline markup.
util::Result<std::string> inline_to_markdown(const _xmlNode* element);
// Block elements (as is_block_element) as Markdown, separated by blank lines.
util::Result<std::string> blocks_to_markdown(std::span<const _xmlNode* const> blocks);
// The children of `element` as blocks (whitespace-only text between them is ignored; other
// text or inline elements are an error).
util::Result<std::string> multiline_to_markdown(const _xmlNode* element);

// Markdown back to XML, appended to `out` as text in the OSCAL namespace (no namespace
// declarations: the caller's enclosing element declares it).
void inline_to_xml(std::string_view markdown, std::string& out);
void blocks_to_xml(std::string_view markdown, std::string& out);

// Escapes text for XML content (&, <, >) and for attribute values (also ", and \t \n \r).
void append_xml_text(std::string_view text, std::string& out);
void append_xml_attribute(std::string_view text, std::string& out);

}  // namespace cyberframe::oscal::markup
