// The register of documented information to and from CSV and XLSX (exchange/document_table.hpp):
// an exported register imports again unchanged; a bad file or a bad row stores nothing and every
// problem is named by its row and column.
#include <gtest/gtest.h>

#include "exchange/document_table.hpp"

namespace cyberframe::exchange {
namespace {

bool names(const std::vector<RowError>& errors, std::size_t row, const std::string& column,
           const std::string& part) {
  for (const auto& e : errors)
    if (e.row == row && e.column == column && e.message.find(part) != std::string::npos)
      return true;
  return false;
}

TEST(DocumentTable, AnExportedRegisterImportsAgainUnchanged) {
  core::Document d;
  d.ref = "DOC-003";
  d.title = "Backup procedure, with a comma";
  d.type = core::DocumentType::k_procedure;
  d.owner = "IT manager";
  d.classification = core::Classification::k_confidential;
  d.review_months = 6;
  d.next_review = "2027-06-30";
  d.retention = "7 years";
  d.distribution = {"alice", "bob"};
  d.links = {{"node", "nist-csf-2.0:PR.DS-11"}, {"risk", "R-001"}};
  for (auto format : {TableFormat::k_csv, TableFormat::k_xlsx}) {
    auto bytes = export_document_register({d}, format);
    ASSERT_FALSE(bytes.empty());
    auto back = import_document_register(format, bytes);
    ASSERT_TRUE(back.errors.empty()) << back.errors.front().to_string();
    ASSERT_EQ(back.rows.size(), 1u);
    const auto& r = back.rows.front().document;
    EXPECT_EQ(back.rows.front().line, 2u);
    EXPECT_EQ(r.ref, d.ref);
    EXPECT_EQ(r.title, d.title);
    EXPECT_EQ(r.type, d.type);
    EXPECT_EQ(r.owner, d.owner);
    EXPECT_EQ(r.classification, d.classification);
    EXPECT_EQ(r.review_months, 6);
    EXPECT_EQ(r.next_review, d.next_review);
    EXPECT_EQ(r.retention, d.retention);
    EXPECT_EQ(r.distribution, d.distribution);
    EXPECT_EQ(r.links, d.links);
  }
}

TEST(DocumentTable, EveryBadRowIsNamedAndNoRowIsKept) {
  std::string csv =
      "Title,ref,type,review_months,next_review,links\n"
      "Good one,DOC-001,policy,12,,\n"
      "Bad type,DOC-002,memo,0,2026-02-30,\n"
      ",doc-001,,,,bogus\n"
      "Cells,DOC-004\n";
  auto r = import_document_register(TableFormat::k_csv, csv);
  EXPECT_TRUE(r.rows.empty());
  EXPECT_TRUE(names(r.errors, 3, "type", "unknown type 'memo'"));
  EXPECT_TRUE(names(r.errors, 3, "review_months", "not a whole number from 1 to 120"));
  EXPECT_TRUE(names(r.errors, 3, "next_review", "next_review"));
  EXPECT_TRUE(names(r.errors, 4, "title", "the title is empty"));
  EXPECT_TRUE(names(r.errors, 4, "ref", "its first row is row 2"));
  EXPECT_TRUE(names(r.errors, 4, "links", "not KIND:TARGET"));
  EXPECT_TRUE(names(r.errors, 5, "", "cells"));
}

TEST(DocumentTable, AWholeFileProblemIsOneErrorAndEndsTheReading) {
  auto unknown = import_document_register(TableFormat::k_csv, "ref,title,colour\nDOC-1,A,red\n");
  EXPECT_TRUE(unknown.rows.empty());
  EXPECT_TRUE(names(unknown.errors, 1, "colour", "unknown column 'colour'"));
  auto missing = import_document_register(TableFormat::k_csv, "ref,owner\nDOC-1,alice\n");
  EXPECT_TRUE(names(missing.errors, 1, "title", "missing column 'title'"));
  auto empty = import_document_register(TableFormat::k_csv, "");
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_EQ(empty.errors.front().row, 0u);
  auto latin1 = import_document_register(TableFormat::k_csv, "ref,title\nDOC-1,caf\xe9\n");
  ASSERT_FALSE(latin1.errors.empty());
  EXPECT_EQ(latin1.errors.front().row, 0u);
  auto not_a_workbook = import_document_register(TableFormat::k_xlsx, "ref,title\n");
  ASSERT_FALSE(not_a_workbook.errors.empty());
  EXPECT_TRUE(not_a_workbook.rows.empty());
  auto yaml = import_document_register(TableFormat::k_yaml, "ref: DOC-1\n");
  ASSERT_EQ(yaml.errors.size(), 1u);
  EXPECT_NE(yaml.errors.front().message.find("a document register"), std::string::npos);
}

}  // namespace
}  // namespace cyberframe::exchange
