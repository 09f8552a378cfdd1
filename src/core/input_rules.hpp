#pragma once
// What people type that the workspace keeps: names, titles and dates. One rule for each, which the
// store applies on every write (so the command line and the HTTP API follow it alike); a front end
// may call it first only to name the field at fault. Plain functions, no I/O.

#include <cstddef>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace cyberframe::core {

// How a piece of text is used, which decides what it may hold.
enum class TextKind {
  // A name records are looked up by (organizations, profiles, mapping sets): no '/' (it separates
  // ORGANIZATION/NAME in references) and not only digits (a reference made of digits is an id).
  k_reference_name,
  // Any other name (assessments, evidence, API tokens): no '/'.
  k_name,
  // A title or a person's name (actions, mapping-set titles, owners, sign-offs): '/' is allowed.
  k_line,
};

// Checks `text` as it will be stored (callers trim it first): not empty, at most `max_bytes`
// bytes, valid UTF-8, and one line of visible text: no control character (U+0000-U+001F,
// U+007F-U+009F, U+2028, U+2029) and no bidirectional control (U+061C, U+200E, U+200F,
// U+202A-U+202E, U+2066-U+2069), which can make a name display as something it is not; plus the
// rules of `kind`. k_invalid_input otherwise, with a message that starts with `what` ("profile
// name") and says which character at which position (the text itself is not echoed when it holds
// such a character).
util::Result<void> check_text(std::string_view what, std::string_view text, TextKind kind,
                              std::size_t max_bytes);

// True when `reference` is made only of ASCII digits (1 to 18 of them): such a reference names a
// record by its id, never by its name.
bool is_id_reference(std::string_view reference);

// A calendar date "YYYY-MM-DD" of the Gregorian calendar, years 0001-9999, whose month exists
// and has that day: 2024-02-29 is one, 2025-02-29, 2026-02-30 and 2026-99-99 are not.
// k_invalid_input otherwise, the message starting with `what` ("due date").
util::Result<void> check_date(std::string_view what, std::string_view text);

// A point in time as "YYYY-MM-DDTHH:MM:SSZ" (UTC): `text` is that, with a real date (check_date)
// and a real time of day (00:00:00-23:59:59), or a date alone, which stands for its midnight.
util::Result<std::string> parse_timestamp(std::string_view what, std::string_view text);

}  // namespace cyberframe::core
