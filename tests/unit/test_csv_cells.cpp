// CSV cells a spreadsheet cannot run as formulas, and reading back exactly what was written.

#include <gtest/gtest.h>

#include "util/text.hpp"

namespace cyberframe::util {
namespace {

TEST(CsvCells, FormulasAreNeutralisedWithAnApostrophe) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://evil.example\",\"click\")"),
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
  EXPECT_EQ(csv_field("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(csv_field("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
  EXPECT_EQ(csv_field("@SUM(A1:A9)"), "'@SUM(A1:A9)");
  EXPECT_EQ(csv_field("\t=1"), "'\t=1");
  EXPECT_EQ(csv_field("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(csv_field("'quoted"), "''quoted") << "an apostrophe is escaped too";
  EXPECT_EQ(csv_field("a=b"), "a=b") << "only the first character counts";
  EXPECT_EQ(csv_field(""), "");
}

TEST(CsvCells, PlainNumbersStayNumbers) {
  for (auto number : {"-3", "+2", "-0.5", "+10.25", "3", "0"}) EXPECT_EQ(csv_field(number), number);
  EXPECT_EQ(csv_field("-"), "-") << "a table's \"none\"";
  for (auto text : {"+", "--", "-.5", "-3.", "-3e5", "--3", "-3-"})
    EXPECT_EQ(csv_field(text), "'" + std::string(text)) << text;
}

TEST(CsvCells, ReadingUndoesExactlyWhatWritingAdded) {
  for (std::string text : {"=1+1", "+1", "-x", "@a", "\tx", "\rx", "'", "''", "'x", "'=x", "plain",
                           "-3", "", "a'b", "-", "'-"}) {
    auto written = csv_field(text);
    if (written.starts_with('"')) {  // unquote as a CSV reader does
      std::string unquoted;
      for (std::size_t i = 1; i + 1 < written.size(); ++i) {
        unquoted += written[i];
        if (written[i] == '"') ++i;
      }
      written = unquoted;
    }
    EXPECT_EQ(csv_field_value(written), text) << text;
  }
  // An apostrophe a person typed before ordinary text is theirs: it stays.
  EXPECT_EQ(csv_field_value("'hello"), "'hello");
}

}  // namespace
}  // namespace cyberframe::util
