// What people type: names and titles (one line of visible text, no '/', not only digits where a
// name is a reference), real calendar dates, and the key names are compared by without regard to
// case.

#include <gtest/gtest.h>

#include "core/input_rules.hpp"
#include "util/text.hpp"

namespace cyberframe::core {
namespace {

std::string refusal(std::string_view text, TextKind kind = TextKind::k_reference_name,
                    std::size_t max = 200) {
  auto r = check_text("profile name", text, kind, max);
  EXPECT_FALSE(r) << "accepted: " << text;
  if (r) return "";
  EXPECT_EQ(r.error().code, util::ErrorCode::k_invalid_input);
  return r.error().message;
}

TEST(Names, OrdinaryNamesAreAccepted) {
  for (auto name : {"Current 2026", "Zielprofil Müller GmbH", "日本語のプロファイル", "Q1 (draft)",
                    "v1.2-rc", "Profile 1", "1st line"})
    EXPECT_TRUE(check_text("profile name", name, TextKind::k_reference_name, 200)) << name;
}

TEST(Names, AReferenceNameIsNeverOnlyDigits) {
  EXPECT_EQ(refusal("3"),
            "profile name '3' is only digits, which would read as an id: a reference made of "
            "digits always names a record by its id; give the name a letter or a word");
  EXPECT_NE(refusal("0042"), "");
  // Other names and titles may be numbers: they are never looked up in place of an id.
  EXPECT_TRUE(check_text("assessment name", "2026", TextKind::k_name, 200));
  EXPECT_TRUE(check_text("action title", "42", TextKind::k_line, 500));
}

TEST(Names, NoSlashInNamesButInTitles) {
  EXPECT_EQ(refusal("ACME/Plant"),
            "profile name 'ACME/Plant' contains '/', which separates ORGANIZATION/NAME in "
            "references; use another character");
  EXPECT_NE(refusal("a/b", TextKind::k_name), "");
  EXPECT_TRUE(check_text("action title", "MFA for VPN/remote access", TextKind::k_line, 500));
}

TEST(Names, EveryBidirectionalControlIsRefusedAndNamed) {
  // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf".
  EXPECT_EQ(refusal("invoice\u202Efdp.exe"),
            "profile name contains the bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE at "
            "character 8, which can make text display as something it is not");
  for (char32_t cp : {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
                      0x2067, 0x2068, 0x2069}) {
    std::string text = "a";
    // UTF-8 of a code point of two or three bytes.
    if (cp < 0x800) {
      text += static_cast<char>(0xC0 | (cp >> 6));
      text += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      text += static_cast<char>(0xE0 | (cp >> 12));
      text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      text += static_cast<char>(0x80 | (cp & 0x3F));
    }
    text += "b";
    for (auto kind : {TextKind::k_reference_name, TextKind::k_name, TextKind::k_line})
      EXPECT_NE(refusal(text, kind).find("bidirectional control"), std::string::npos)
          << static_cast<unsigned>(cp);
  }
  // Letters of right-to-left scripts are text, not controls.
  EXPECT_TRUE(check_text("profile name", "מצב נוכחי", TextKind::k_reference_name, 200));
}

TEST(Names, ControlCharactersAreRefusedAndNamed) {
  EXPECT_EQ(refusal("Current\t2026"),
            "profile name contains a control character (U+0009) at character 8; it must be one "
            "line of visible text");
  for (auto text : {"a\nb", "a\rb",
                    "a\x7f"
                    "b",
                    "a\xc2\x85"
                    "b",
                    "a\xe2\x80\xa8"
                    "b",
                    "a\x1b[31mred"})
    for (auto kind : {TextKind::k_reference_name, TextKind::k_name, TextKind::k_line})
      EXPECT_NE(refusal(text, kind).find("control character"), std::string::npos) << text;
  EXPECT_NE(refusal(std::string_view("a\0b", 3)), "");
}

TEST(Names, EmptyLongAndInvalidText) {
  EXPECT_EQ(refusal("   "), "profile name is empty");
  EXPECT_EQ(refusal(std::string(201, 'x')), "profile name is longer than 200 bytes");
  EXPECT_TRUE(check_text("profile name", std::string(200, 'x'), TextKind::k_reference_name, 200));
  EXPECT_EQ(refusal("caf\xe9"), "profile name is not valid UTF-8 text");
}

TEST(References, DigitsAreAnIdAndNothingElse) {
  EXPECT_TRUE(is_id_reference("3"));
  EXPECT_TRUE(is_id_reference("0042"));
  EXPECT_TRUE(is_id_reference("123456789012345678"));
  EXPECT_FALSE(is_id_reference("1234567890123456789")) << "too long for an id";
  EXPECT_FALSE(is_id_reference(""));
  EXPECT_FALSE(is_id_reference("3a"));
  EXPECT_FALSE(is_id_reference("-3"));
  EXPECT_FALSE(is_id_reference("ACME/3"));
}

std::string date_refusal(std::string_view text) {
  auto r = check_date("due date", text);
  EXPECT_FALSE(r) << "accepted: " << text;
  return r ? "" : r.error().message;
}

TEST(Dates, OnlyRealCalendarDates) {
  EXPECT_TRUE(check_date("due date", "2024-02-29")) << "a leap year";
  EXPECT_TRUE(check_date("due date", "2000-02-29")) << "divisible by 400";
  EXPECT_TRUE(check_date("due date", "2026-12-31"));
  EXPECT_TRUE(check_date("due date", "0001-01-01"));
  EXPECT_EQ(date_refusal("2025-02-29"),
            "due date '2025-02-29' is not a date on the calendar: February 2025 has 28 days");
  EXPECT_EQ(date_refusal("2026-02-30"),
            "due date '2026-02-30' is not a date on the calendar: February 2026 has 28 days");
  EXPECT_EQ(date_refusal("1900-02-29"),
            "due date '1900-02-29' is not a date on the calendar: February 1900 has 28 days");
  EXPECT_EQ(date_refusal("2026-04-31"),
            "due date '2026-04-31' is not a date on the calendar: April 2026 has 30 days");
  EXPECT_EQ(date_refusal("2026-99-99"),
            "due date '2026-99-99' is not a date on the calendar: there is no month 99");
  EXPECT_EQ(date_refusal("2026-00-10"),
            "due date '2026-00-10' is not a date on the calendar: there is no month 00");
  EXPECT_EQ(date_refusal("2026-01-00"),
            "due date '2026-01-00' is not a date on the calendar: days start at 01");
  EXPECT_EQ(date_refusal("0000-01-01"),
            "due date '0000-01-01' is not a date on the calendar: there is no year 0000");
  EXPECT_EQ(date_refusal("31/12/2026"), "due date '31/12/2026' is not YYYY-MM-DD");
  for (auto text : {"2026-1-01", "2026-01-1", "2026-01-01 ", " 2026-01-01", "2026/01/01",
                    "２０２６-01-01", "+026-01-01", "2026-01-01T00:00:00Z", ""})
    EXPECT_NE(date_refusal(text).find("is not YYYY-MM-DD"), std::string::npos) << text;
  EXPECT_EQ(date_refusal(std::string(100, '9')), "due date is not YYYY-MM-DD")
      << "long input is not echoed";
}

TEST(Dates, TimestampsAreRealToo) {
  EXPECT_EQ(*parse_timestamp("taken_at", "2024-02-29"), "2024-02-29T00:00:00Z");
  EXPECT_EQ(*parse_timestamp("taken_at", "2026-03-31T23:59:59Z"), "2026-03-31T23:59:59Z");
  EXPECT_EQ(parse_timestamp("taken_at", "2026-02-30T12:00:00Z").error().message,
            "taken_at '2026-02-30' is not a date on the calendar: February 2026 has 28 days");
  EXPECT_EQ(parse_timestamp("taken_at", "2026-01-01T24:00:00Z").error().message,
            "taken_at '2026-01-01T24:00:00Z' is not a time of day: hours are 00-23");
  EXPECT_EQ(parse_timestamp("taken_at", "2026-01-01T10:60:00Z").error().message,
            "taken_at '2026-01-01T10:60:00Z' is not a time of day: minutes are 00-59");
  EXPECT_EQ(parse_timestamp("taken_at", "2026-01-01T10:00:60Z").error().message,
            "taken_at '2026-01-01T10:00:60Z' is not a time of day: seconds are 00-59");
  EXPECT_EQ(parse_timestamp("taken_at", "yesterday").error().message,
            "taken_at 'yesterday' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
  EXPECT_FALSE(parse_timestamp("taken_at", "2026-01-01T10:00:00+02:00"));
  EXPECT_FALSE(parse_timestamp("taken_at", "2026-01-01T10:00:00"));
}

}  // namespace
}  // namespace cyberframe::core

namespace cyberframe::util {
namespace {

TEST(CaselessKey, NamesDifferingOnlyInCaseShareAKey) {
  EXPECT_EQ(caseless_key("ACME"), caseless_key("acme"));
  EXPECT_EQ(caseless_key("Müller GmbH"), caseless_key("MÜLLER GMBH"));
  EXPECT_EQ(caseless_key("Straße"), caseless_key("STRASSE"));
  EXPECT_EQ(caseless_key("ΣΟΦΙΑ"), caseless_key("σοφια"));
  EXPECT_EQ(caseless_key("ＡＣＭＥ"), caseless_key("acme")) << "full-width letters";
  EXPECT_EQ(caseless_key("AC\u200BME"), caseless_key("acme")) << "a zero-width space";
  EXPECT_EQ(caseless_key("Cafe\u0301"), caseless_key("CAFÉ")) << "composed or not";
  EXPECT_NE(caseless_key("ACME"), caseless_key("ACME 2"));
  EXPECT_NE(caseless_key("Plant A"), caseless_key("Plant B"));
}

}  // namespace
}  // namespace cyberframe::util
