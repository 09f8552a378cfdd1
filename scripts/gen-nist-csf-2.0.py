#!/usr/bin/env python3
"""Generate the NIST CSF 2.0 framework and NIST's CSF 1.1 -> 2.0 mapping set.

Maintainer tool, kept for provenance; the product never runs it.  The committed YAML is the
source of truth; rerun this only to regenerate it after fixing the generator.

    python3 scripts/gen-nist-csf-2.0.py framework NIST_CSF_v2.0_catalog.xml \\
        > catalog/frameworks/nist-csf-2.0.yaml
    python3 scripts/gen-nist-csf-2.0.py mapping NIST_CSF_v2.0_catalog.xml nist-csf-1.1-core.csv \\
        > catalog/mappings/nist-csf-1.1-to-nist-csf-2.0.yaml

Inputs:
- NIST's OSCAL CSF 2.0 catalog, version 1.0.0 (usnistgov/oscal-content @
  3b3cdee8f9f9f3e9f18dd70d89a58d6287ae433f, src/nist.gov/CSF/v2.0/xml/NIST_CSF_v2.0_catalog.xml).
  It holds the 2.0 Core and, unmarked, the CSF 1.1 elements that 2.0 withdrew (with their 1.1
  text).
- NIST's CSF 1.1 core spreadsheet (CSV export), read with scripts/gen-nist-csf-1.1.py's parser,
  for the 1.1 sentences of the subcategories 2.0 kept.
- WITHDRAWN below: transcribed from NIST's later OSCAL CSF 2.0 catalog, version 1.2.0
  (usnistgov/oscal-content @ 78650f02ad9321bb7b817846f8fbd4f2bcd620de,
  nist.gov/CSF/v2.0/json/NIST_CSF_v2.0_catalog-min.json), which marks each withdrawn element with
  prop status=withdrawn and links rel=incorporated_into / rel=moved_to.  The generator checks the
  table against the 1.0.0 catalog: the withdrawn subcategories are exactly those without
  implementation examples, the withdrawn categories exactly those with an empty statement, every
  link target is a live 2.0 element, and every CSF 1.1 subcategory is either withdrawn or kept
  under the same identifier.

Standard library only.
"""
import re
import sys
import xml.etree.ElementTree as ET

from catalog_yaml import clean, load_generator, quote, scalar

OSCAL = "{http://csrc.nist.gov/ns/oscal/1.0}"

# Element, NIST's link relation (or "none": withdrawn without a link), targets.
WITHDRAWN = """
ID.AM-06 incorporated_into GV.RR-02 GV.SC-02
ID.BE incorporated_into GV.OC
ID.BE-01 incorporated_into GV.OC-05
ID.BE-02 incorporated_into GV.OC-01
ID.BE-03 incorporated_into GV.OC-01
ID.BE-04 incorporated_into GV.OC-04 GV.OC-05
ID.BE-05 incorporated_into GV.OC-04
ID.GV incorporated_into GV
ID.GV-01 incorporated_into GV.PO GV.PO-01 GV.PO-02
ID.GV-02 incorporated_into GV.RR GV.OC-02 GV.RR-02
ID.GV-03 moved_to GV.OC-03
ID.GV-04 moved_to GV.RM-04
ID.RM incorporated_into GV.RM
ID.RM-01 incorporated_into GV.RM-01 GV.RM-06 GV.RR-03
ID.RM-02 incorporated_into GV.RM-02 GV.RM-04
ID.RM-03 moved_to GV.RM-02
ID.SC incorporated_into GV.SC
ID.SC-01 incorporated_into GV.RM-05 GV.SC-01 GV.SC-06 GV.SC-09 GV.SC-10
ID.SC-02 incorporated_into GV.OC-02 GV.SC-03 GV.SC-04 GV.SC-07 ID.RA-10
ID.SC-03 moved_to GV.SC-05
ID.SC-04 incorporated_into GV.SC-07 ID.RA-10
ID.SC-05 incorporated_into GV.SC-08 ID.IM-02
PR.AC moved_to PR.AA
PR.AC-01 incorporated_into PR.AA-01 PR.AA-05
PR.AC-02 moved_to PR.AA-06
PR.AC-03 incorporated_into PR.AA-03 PR.AA-05 PR.IR-01
PR.AC-04 moved_to PR.AA-05
PR.AC-05 incorporated_into PR.IR-01
PR.AC-06 moved_to PR.AA-02
PR.AC-07 moved_to PR.AA-03
PR.AT-03 incorporated_into PR.AT-01 PR.AT-02
PR.AT-04 incorporated_into PR.AT-02
PR.AT-05 incorporated_into PR.AT-02
PR.DS-03 incorporated_into ID.AM-08 PR.PS-03
PR.DS-04 moved_to PR.IR-04
PR.DS-05 incorporated_into PR.DS-01 PR.DS-02 PR.DS-10
PR.DS-06 incorporated_into PR.DS-01 DE.CM-09
PR.DS-07 incorporated_into PR.IR-01
PR.DS-08 incorporated_into ID.RA-09 DE.CM-09
PR.IP none
PR.IP-01 incorporated_into PR.PS-01
PR.IP-02 incorporated_into ID.AM-08 PR.PS-06
PR.IP-03 incorporated_into ID.RA-07 PR.PS-01
PR.IP-04 moved_to PR.DS-11
PR.IP-05 incorporated_into PR.IR-02
PR.IP-06 incorporated_into ID.AM-08
PR.IP-07 incorporated_into ID.IM ID.IM-03
PR.IP-08 moved_to ID.IM-03
PR.IP-09 moved_to ID.IM-04
PR.IP-10 moved_to ID.IM-02 ID.IM-04
PR.IP-11 moved_to GV.RR-04
PR.IP-12 moved_to ID.RA-01 PR.PS-02
PR.MA incorporated_into ID.AM-08
PR.MA-01 moved_to ID.AM-08 PR.PS-03
PR.MA-02 moved_to ID.AM-08 PR.PS-02
PR.PT none
PR.PT-01 incorporated_into PR.PS-04
PR.PT-02 incorporated_into PR.DS-01 PR.PS-01
PR.PT-03 incorporated_into PR.PS-01
PR.PT-04 incorporated_into PR.AA-06 PR.IR-01
PR.PT-05 incorporated_into PR.IR-03
DE.AE-01 incorporated_into ID.AM-03
DE.AE-05 moved_to DE.AE-08
DE.CM-04 incorporated_into DE.CM-01 DE.CM-09
DE.CM-05 incorporated_into DE.CM-01 DE.CM-09
DE.CM-07 incorporated_into DE.CM-01 DE.CM-03 DE.CM-06 DE.CM-09
DE.CM-08 incorporated_into ID.RA-01
DE.DP none
DE.DP-01 incorporated_into GV.RR-02
DE.DP-02 incorporated_into DE.AE
DE.DP-03 incorporated_into ID.IM-02
DE.DP-04 incorporated_into DE.AE-06
DE.DP-05 incorporated_into ID.IM ID.IM-03
RS.AN-01 incorporated_into RS.MA-02
RS.AN-02 incorporated_into RS.MA-02 RS.MA-03 RS.MA-04
RS.AN-04 moved_to RS.MA-03
RS.AN-05 moved_to ID.RA-08
RS.CO-01 incorporated_into PR.AT-01
RS.CO-04 incorporated_into RS.MA-01 RS.MA-04
RS.CO-05 incorporated_into RS.CO-03
RS.IM incorporated_into ID.IM
RS.IM-01 incorporated_into ID.IM-03 ID.IM-04
RS.IM-02 incorporated_into ID.IM-03
RS.MI-03 incorporated_into ID.RA-06
RS.RP none
RS.RP-01 incorporated_into RS.MA-01
RC.CO-01 incorporated_into RC.CO-04
RC.CO-02 incorporated_into RC.CO-04
RC.IM incorporated_into ID.IM
RC.IM-01 incorporated_into ID.IM-03 ID.IM-04
RC.IM-02 incorporated_into ID.IM-03
"""

# TYPED: the relationship of every (1.1 element, 2.0 element) pair that NIST links (or keeps under
# the same identifier), typed by reading the two statements, with a one-line rationale.  The rule
# (docs/crosswalks.md, "CSF 1.1 to CSF 2.0"): NIST's link says where a 1.1 element went, not how
# much of it the target states.  A pair is subset-of only when the 2.0 statement states every part
# of the 1.1 statement (2.0 may add more), superset-of when the 1.1 statement states every part of
# the 2.0 one, equivalent when each states the other, equal when the sentences are the same, and
# intersects-with otherwise.  Only the statements count: NIST's implementation examples illustrate
# a 2.0 outcome and are not required by it.  A category or function is read with its
# subcategories.  mapping_rows() checks that every linked pair is typed exactly once and that
# equal is used exactly for the same sentences.
TYPED = """
ID.AM-1 ID.AM-01 superset-of | 1.1 inventories physical devices and systems; 2.0 inventories hardware only (systems moved to ID.AM-02)
ID.AM-2 ID.AM-02 subset-of | 2.0 states the software inventory and adds services and systems
ID.AM-3 ID.AM-03 equivalent | both map the organization's communication and data flows (2.0: network flows, internal and external, kept up to date)
ID.AM-4 ID.AM-04 intersects-with | 1.1 catalogues external information systems; 2.0 inventories services provided by suppliers
ID.AM-5 ID.AM-05 equivalent | both prioritize resources or assets by classification, criticality and value to the mission
ID.AM-6 GV.RR-02 intersects-with | 2.0 states the roles of cybersecurity risk management, not those of third-party stakeholders
ID.AM-6 GV.SC-02 intersects-with | 2.0 states the roles of suppliers, customers and partners, not those of the workforce
ID.BE GV.OC intersects-with | GV.OC states the organization's context understood; 1.1's prioritization and its use to inform cybersecurity roles and responsibilities are not stated
ID.BE-1 GV.OC-05 intersects-with | 2.0 states what the organization depends on; 1.1's role of the organization in the supply chain is not stated
ID.BE-2 GV.OC-01 intersects-with | 2.0 states the mission understood; 1.1's place in critical infrastructure and its industry sector is not stated
ID.BE-3 GV.OC-01 intersects-with | 2.0 states the mission understood; 1.1's priorities for mission, objectives and activities, established and communicated, are not stated
ID.BE-4 GV.OC-04 intersects-with | 2.0 states the critical services others depend on; 1.1's own dependencies are GV.OC-05
ID.BE-4 GV.OC-05 intersects-with | 2.0 states the organization's dependencies; 1.1's critical functions for delivering critical services are GV.OC-04
ID.BE-5 GV.OC-04 intersects-with | 2.0 states the critical services others depend on; 1.1's resilience requirements for all operating states are not stated
ID.GV GV subset-of | Govern states each part of 1.1's category: policies (GV.PO), legal and regulatory requirements (GV.OC-03), risk management (GV.RM), oversight (GV.OV)
ID.GV-1 GV.PO subset-of | GV.PO states the policy established and communicated, and adds enforcement
ID.GV-1 GV.PO-01 subset-of | GV.PO-01 states the policy established and communicated, and adds enforcement
ID.GV-1 GV.PO-02 intersects-with | 2.0 reviews and updates the policy; 1.1 establishes it
ID.GV-2 GV.RR intersects-with | 2.0 establishes and communicates roles; 1.1's coordination and alignment with external partners is not stated
ID.GV-2 GV.OC-02 intersects-with | 2.0 understands stakeholders' needs; 1.1 aligns cybersecurity roles with them
ID.GV-2 GV.RR-02 intersects-with | 2.0 establishes and communicates roles; 1.1's coordination and alignment with external partners is not stated
ID.GV-3 GV.OC-03 subset-of | 2.0 states it and adds contractual requirements
ID.GV-4 GV.RM-04 intersects-with | 1.1: governance and risk management processes address cybersecurity risks; 2.0: strategic direction on risk response options
ID.RA-1 ID.RA-01 subset-of | 2.0 states it and adds that vulnerabilities are validated
ID.RA-2 ID.RA-02 equal | same sentence
ID.RA-3 ID.RA-03 equivalent | same outcome reworded
ID.RA-4 ID.RA-04 subset-of | 2.0 states it and adds that impacts and likelihoods are recorded
ID.RA-5 ID.RA-05 subset-of | 2.0 states it and adds informing risk response prioritization
ID.RA-6 ID.RA-06 subset-of | 2.0 states it and adds that risk responses are planned, tracked and communicated
ID.RM GV.RM subset-of | 2.0 states it and adds risk appetite and communication
ID.RM-1 GV.RM-01 intersects-with | 2.0 agrees risk management objectives; 1.1 establishes and manages the processes
ID.RM-1 GV.RM-06 intersects-with | 2.0 states one part of the processes: a standardized method for calculating and prioritizing risks
ID.RM-1 GV.RR-03 intersects-with | 2.0 allocates resources to risk management; 1.1's processes are not stated
ID.RM-2 GV.RM-02 subset-of | 2.0 states it (risk tolerance statements established and communicated) and adds risk appetite and maintenance
ID.RM-2 GV.RM-04 intersects-with | 2.0 sets strategic direction on risk response options; 1.1 expresses risk tolerance
ID.RM-3 GV.RM-02 intersects-with | 2.0 maintains risk appetite and tolerance statements; 1.1's informing them by the critical-infrastructure role is not stated
ID.SC GV.SC intersects-with | GV.SC states the supply chain risk management processes; 1.1's priorities, constraints, risk tolerances and assumptions for supply chain decisions are not stated
ID.SC-1 GV.RM-05 intersects-with | 2.0 states lines of communication for supplier risks; 1.1's processes are not stated
ID.SC-1 GV.SC-01 intersects-with | 2.0 establishes and agrees the programme; 1.1's assessment and management of the processes are not stated
ID.SC-1 GV.SC-06 intersects-with | 2.0 states due diligence before relationships, one part of 1.1's processes
ID.SC-1 GV.SC-09 intersects-with | 2.0 states integration and monitoring of supply chain practices, one part of 1.1's processes
ID.SC-1 GV.SC-10 intersects-with | 2.0 states provisions after a partnership ends, one part of 1.1's processes
ID.SC-2 GV.OC-02 intersects-with | 2.0 understands stakeholders' needs; 1.1 identifies, prioritizes and assesses suppliers
ID.SC-2 GV.SC-03 intersects-with | 2.0 integrates supply chain risk management into risk assessment; 1.1 assesses suppliers with it
ID.SC-2 GV.SC-04 intersects-with | 2.0 states suppliers known and prioritized; 1.1's assessment is not stated
ID.SC-2 GV.SC-07 intersects-with | 2.0 assesses the risks of suppliers; 1.1's identification and prioritization of them is GV.SC-04
ID.SC-2 ID.RA-10 intersects-with | 2.0 assesses critical suppliers before acquisition only
ID.SC-3 GV.SC-05 subset-of | 2.0 states it (cybersecurity requirements carried by supplier contracts) and adds prioritization and other agreements
ID.SC-4 GV.SC-07 intersects-with | 2.0 assesses and monitors supplier risks; 1.1's routine audits against contractual obligations are not stated
ID.SC-4 ID.RA-10 intersects-with | 2.0 assesses critical suppliers before acquisition; 1.1 assesses suppliers routinely
ID.SC-5 GV.SC-08 intersects-with | 2.0 includes suppliers in planning, response and recovery; 1.1's testing with them is not stated
ID.SC-5 ID.IM-02 intersects-with | 2.0 identifies improvements from exercises with suppliers; 1.1's planning with them is GV.SC-08
PR.AC PR.AA equivalent | same outcome reworded (authorized users, services and hardware; access managed commensurate with assessed risk)
PR.AC-1 PR.AA-01 intersects-with | 2.0 manages identities and credentials; 1.1's verification and audit are not stated
PR.AC-1 PR.AA-05 intersects-with | 2.0 manages access permissions; 1.1 manages identities and credentials
PR.AC-2 PR.AA-06 subset-of | 2.0 states it and adds monitored and enforced commensurate with risk
PR.AC-3 PR.AA-03 intersects-with | 2.0 authenticates users, services and hardware; remote access management is not stated
PR.AC-3 PR.AA-05 intersects-with | 2.0 manages access permissions; remote access management is not stated
PR.AC-3 PR.IR-01 intersects-with | 2.0 protects networks from unauthorized logical access; remote access management is not stated
PR.AC-4 PR.AA-05 subset-of | 2.0 states it and adds entitlements, definition in a policy, enforcement and review
PR.AC-5 PR.IR-01 intersects-with | 2.0 protects networks from unauthorized logical access and usage; 1.1 protects network integrity
PR.AC-6 PR.AA-02 intersects-with | the 1.1 'asserted in interactions' part is not in PR.AA-02 (identity assertions are PR.AA-04)
PR.AC-7 PR.AA-03 superset-of | 1.1 also requires authentication commensurate with the risk of the transaction
PR.AT-1 PR.AT-01 equivalent | same outcome reworded (all users or personnel receive awareness and training)
PR.AT-2 PR.AT-02 intersects-with | 1.1: privileged users understand their roles; 2.0: individuals in the roles the organization deems specialized are trained
PR.AT-3 PR.AT-01 intersects-with | 2.0 trains personnel; 1.1's third-party stakeholders are not stated
PR.AT-3 PR.AT-02 intersects-with | 2.0 trains specialized roles; 1.1's third-party stakeholders are not stated
PR.AT-4 PR.AT-02 intersects-with | 2.0 trains the roles the organization deems specialized; senior executives are not stated
PR.AT-5 PR.AT-02 intersects-with | 2.0 trains the roles the organization deems specialized; physical and cybersecurity personnel are not stated
PR.DS-1 PR.DS-01 equivalent | same outcome reworded (protected: confidentiality, integrity and availability)
PR.DS-2 PR.DS-02 equivalent | same outcome reworded (protected: confidentiality, integrity and availability)
PR.DS-3 ID.AM-08 subset-of | 2.0 states it (assets managed through their life cycle, which ends in removal, transfer or disposal) for the whole life cycle
PR.DS-3 PR.PS-03 intersects-with | 2.0 maintains, replaces and removes hardware; 1.1 manages all assets through removal, transfer and disposal
PR.DS-4 PR.IR-04 equivalent | same outcome reworded
PR.DS-5 PR.DS-01 intersects-with | 2.0 protects data at rest; 1.1's leak protections cover data in any state
PR.DS-5 PR.DS-02 intersects-with | 2.0 protects data in transit; 1.1's leak protections cover data in any state
PR.DS-5 PR.DS-10 intersects-with | 2.0 protects data in use; 1.1's leak protections cover data in any state
PR.DS-6 PR.DS-01 intersects-with | 2.0 protects the integrity of data at rest; 1.1's integrity checking of software and firmware is not stated
PR.DS-6 DE.CM-09 intersects-with | 2.0 monitors hardware, software and data for adverse events; integrity checking is not stated
PR.DS-7 PR.IR-01 intersects-with | 2.0 protects environments from unauthorized access; 1.1's separation of development and testing from production is not stated
PR.DS-8 ID.RA-09 intersects-with | 2.0 assesses hardware integrity before acquisition and use; 1.1 checks it with mechanisms
PR.DS-8 DE.CM-09 intersects-with | 2.0 monitors hardware for adverse events; integrity checking is not stated
PR.IP-1 PR.PS-01 intersects-with | 2.0 establishes configuration management; 1.1's baselines incorporating security principles (least functionality) are not stated
PR.IP-2 ID.AM-08 intersects-with | 2.0 manages systems through their life cycle; 1.1's System Development Life Cycle is not stated
PR.IP-2 PR.PS-06 intersects-with | 2.0 integrates secure software development; 1.1's life cycle manages whole systems
PR.IP-3 ID.RA-07 subset-of | 2.0 states it (changes managed) and adds risk assessment, recording and tracking of changes and exceptions
PR.IP-3 PR.PS-01 intersects-with | 2.0 establishes configuration management; change control is not stated
PR.IP-4 PR.DS-11 subset-of | 2.0 states it and adds that backups are protected
PR.IP-5 PR.IR-02 intersects-with | 2.0 protects technology assets from environmental threats; 1.1 meets policy and regulations for the physical operating environment
PR.IP-6 ID.AM-08 intersects-with | 2.0 manages data through its life cycle; destruction according to policy is not stated
PR.IP-7 ID.IM intersects-with | 2.0 identifies improvements; 1.1 improves the protection processes
PR.IP-7 ID.IM-03 intersects-with | 2.0 identifies improvements from operations; 1.1 improves the protection processes
PR.IP-8 ID.IM-03 intersects-with | 1.1 shares the effectiveness of protection technologies; 2.0 identifies improvements from operations
PR.IP-9 ID.IM-04 intersects-with | 2.0 maintains incident response and other plans that affect operations; 1.1's business continuity and disaster recovery plans are not named
PR.IP-10 ID.IM-02 intersects-with | 2.0 identifies improvements from tests and exercises; 1.1 tests the response and recovery plans
PR.IP-10 ID.IM-04 intersects-with | 2.0 maintains and improves the plans; their testing is not stated
PR.IP-11 GV.RR-04 equivalent | the same sentence without 1.1's examples
PR.IP-12 ID.RA-01 intersects-with | 2.0 identifies vulnerabilities; 1.1's vulnerability management plan is not stated
PR.IP-12 PR.PS-02 intersects-with | 2.0 maintains and replaces software; 1.1's vulnerability management plan is not stated
PR.MA ID.AM-08 intersects-with | 2.0 manages assets through their life cycle; maintenance and repair consistent with policies and procedures are not stated
PR.MA-1 ID.AM-08 intersects-with | 2.0 manages assets through their life cycle; logged maintenance with approved tools is not stated
PR.MA-1 PR.PS-03 intersects-with | 2.0 maintains hardware commensurate with risk; logging and approved tools are not stated
PR.MA-2 ID.AM-08 intersects-with | 2.0 manages assets through their life cycle; remote maintenance is not stated
PR.MA-2 PR.PS-02 intersects-with | 2.0 maintains software commensurate with risk; remote maintenance is not stated
PR.PT-1 PR.PS-04 intersects-with | 2.0 generates logs for monitoring; 1.1's determining, documenting and reviewing audit records in accordance with policy is not stated
PR.PT-2 PR.DS-01 intersects-with | 2.0 protects data at rest; 1.1's restriction of removable media use is not stated
PR.PT-2 PR.PS-01 intersects-with | 2.0 establishes configuration management; removable media is not stated
PR.PT-3 PR.PS-01 intersects-with | 2.0 establishes configuration management; least functionality is not stated
PR.PT-4 PR.AA-06 intersects-with | 2.0 manages physical access to assets; 1.1 protects communications and control networks
PR.PT-4 PR.IR-01 intersects-with | 2.0 protects networks from unauthorized logical access; 1.1 protects communications and control networks by any means
PR.PT-5 PR.IR-03 equivalent | the same sentence without 1.1's examples
DE.AE-1 ID.AM-03 intersects-with | 2.0 maintains the expected data flows; 1.1's baseline of network operations is not stated
DE.AE-2 DE.AE-02 equivalent | same outcome reworded
DE.AE-3 DE.AE-03 superset-of | 1.1 also requires event data to be collected from sensors; 2.0 only correlates information
DE.AE-4 DE.AE-04 subset-of | 2.0 states it and adds the scope of adverse events
DE.AE-5 DE.AE-08 intersects-with | 1.1 establishes alert thresholds; 2.0 declares incidents by defined criteria
DE.CM-1 DE.CM-01 equivalent | same outcome reworded
DE.CM-2 DE.CM-02 equivalent | same outcome reworded
DE.CM-3 DE.CM-03 subset-of | 2.0 states it and adds monitoring of technology usage
DE.CM-4 DE.CM-01 intersects-with | 2.0 monitors networks; detection of malicious code is not stated
DE.CM-4 DE.CM-09 intersects-with | 2.0 monitors computing hardware and software; detection of malicious code is not stated
DE.CM-5 DE.CM-01 intersects-with | 2.0 monitors networks; detection of mobile code is not stated
DE.CM-5 DE.CM-09 intersects-with | 2.0 monitors computing hardware and software; detection of mobile code is not stated
DE.CM-6 DE.CM-06 subset-of | 2.0 states it and adds monitoring of the services of external providers
DE.CM-7 DE.CM-01 intersects-with | 2.0 monitors networks, where unauthorized connections are found; personnel and software are elsewhere
DE.CM-7 DE.CM-03 intersects-with | 2.0 monitors personnel activity, where unauthorized personnel are found; devices and connections are elsewhere
DE.CM-7 DE.CM-06 intersects-with | 2.0 monitors external providers, one part of 1.1's monitoring
DE.CM-7 DE.CM-09 intersects-with | 2.0 monitors hardware and software, where unauthorized devices and software are found; personnel are elsewhere
DE.CM-8 ID.RA-01 intersects-with | 2.0 identifies vulnerabilities; 1.1's vulnerability scans are not stated
DE.DP-1 GV.RR-02 subset-of | detection roles are roles of cybersecurity risk management; 2.0 adds communicated, understood and enforced
DE.DP-2 DE.AE intersects-with | 2.0 analyzes adverse events; 1.1's compliance of detection activities with applicable requirements is not stated
DE.DP-3 ID.IM-02 intersects-with | 2.0 identifies improvements from tests and exercises; 1.1's testing of detection processes is not stated
DE.DP-4 DE.AE-06 subset-of | 2.0 states it (information on adverse events provided to staff) and adds authorized tools
DE.DP-5 ID.IM intersects-with | 2.0 identifies improvements; 1.1 improves the detection processes continuously
DE.DP-5 ID.IM-03 intersects-with | 2.0 identifies improvements from operations; 1.1 improves the detection processes continuously
RS.RP-1 RS.MA-01 subset-of | 2.0 states it and adds coordination with relevant third parties
RS.CO-1 PR.AT-01 intersects-with | 2.0 gives general awareness and training; 1.1's knowledge of response roles and order of operations is not stated
RS.CO-2 RS.CO-02 intersects-with | 1.1 reports incidents by established criteria; 2.0 notifies internal and external stakeholders
RS.CO-3 RS.CO-03 intersects-with | 1.1 shares consistent with response plans; 2.0 shares with designated stakeholders
RS.CO-4 RS.MA-01 intersects-with | 2.0 executes the plan in coordination with third parties; 1.1's coordination with internal stakeholders is not stated
RS.CO-4 RS.MA-04 intersects-with | 2.0 escalates incidents; 1.1 coordinates with stakeholders
RS.CO-5 RS.CO-03 intersects-with | 2.0 shares with designated stakeholders; 1.1's voluntary sharing for broader situational awareness is not stated
RS.AN-1 RS.MA-02 intersects-with | 2.0 triages and validates incident reports; 1.1's investigation of detection notifications is not stated
RS.AN-2 RS.MA-02 intersects-with | 2.0 triages incident reports; understanding the impact is one part
RS.AN-2 RS.MA-03 intersects-with | 2.0 categorizes and prioritizes incidents; understanding the impact is one part
RS.AN-2 RS.MA-04 intersects-with | 2.0 escalates incidents; understanding the impact is one part
RS.AN-3 RS.AN-03 intersects-with | 1.1 performs forensics; 2.0 establishes what happened and the root cause
RS.AN-4 RS.MA-03 intersects-with | 1.1 categorizes consistent with response plans; 2.0 categorizes and prioritizes
RS.AN-5 ID.RA-08 equivalent | same outcome reworded
RS.MI-1 RS.MI-01 equal | same sentence
RS.MI-2 RS.MI-02 intersects-with | 1.1 mitigates incidents; 2.0 eradicates them
RS.MI-3 ID.RA-06 intersects-with | 2.0 chooses and plans risk responses; 1.1's mitigation or documented acceptance of new vulnerabilities is not stated
RS.IM ID.IM intersects-with | 2.0 identifies improvements; 1.1 improves the response activities by lessons learned
RS.IM-1 ID.IM-03 intersects-with | 2.0 identifies improvements from operations; 1.1 puts lessons learned into the response plans
RS.IM-1 ID.IM-04 intersects-with | 2.0 improves the plans; lessons learned are not stated
RS.IM-2 ID.IM-03 intersects-with | 2.0 identifies improvements; 1.1's updating of response strategies is not stated
RC.RP-1 RC.RP-01 equivalent | same outcome reworded
RC.IM ID.IM intersects-with | 2.0 identifies improvements; 1.1 improves recovery planning and processes by lessons learned
RC.IM-1 ID.IM-03 intersects-with | 2.0 identifies improvements from operations; 1.1 puts lessons learned into the recovery plans
RC.IM-1 ID.IM-04 intersects-with | 2.0 improves the plans; lessons learned are not stated
RC.IM-2 ID.IM-03 intersects-with | 2.0 identifies improvements; 1.1's updating of recovery strategies is not stated
RC.CO-1 RC.CO-04 intersects-with | 2.0 shares public updates on recovery; 1.1's management of public relations is broader
RC.CO-2 RC.CO-04 intersects-with | 2.0 shares public updates on recovery; 1.1's repair of reputation is not stated
RC.CO-3 RC.CO-03 intersects-with | 2.0 adds restoration progress and designated stakeholders; 1.1 names executive and management teams
"""

FUNCTION_TITLES = {"GV": "Govern", "ID": "Identify", "PR": "Protect", "DE": "Detect",
                   "RS": "Respond", "RC": "Recover"}


def die(msg):
    sys.exit("gen-nist-csf-2.0: " + msg)


def prop(el, name):
    for p in el.findall(OSCAL + "prop"):
        if p.get("name") == name:
            return p.get("value")
    return None


def part_text(el, name):
    out = []
    for p in el.findall(OSCAL + "part"):
        if p.get("name") == name:
            out.append(clean("".join(p.itertext())))
    return out


def withdrawn_table():
    table = {}
    for line in WITHDRAWN.strip().splitlines():
        fields = line.split()
        if fields[1] not in ("incorporated_into", "moved_to", "none") or (
                (fields[1] == "none") != (len(fields) == 2)):
            die("bad WITHDRAWN line %r" % line)
        table[fields[0]] = (fields[1], fields[2:])
    return table


def read_catalog(path):
    """All elements of the 1.0.0 catalog, live and withdrawn, in sort-id order."""
    root = ET.parse(path).getroot()
    functions = []
    for g in root.findall(OSCAL + "group"):
        fn = {"id": g.get("id"), "title": FUNCTION_TITLES[g.get("id")],
              "description": part_text(g, "overview")[0], "children": []}
        for c in g.findall(OSCAL + "control"):
            st = part_text(c, "statement")
            cat = {"id": c.get("id"), "title": clean(c.findtext(OSCAL + "title")),
                   "description": st[0] if st else "", "sort": prop(c, "sort-id"),
                   "children": []}
            for s in c.findall(OSCAL + "control"):
                if s.get("class") != "subcategory":
                    die("unexpected control class %r" % s.get("class"))
                cat["children"].append({
                    "id": s.get("id"), "description": part_text(s, "statement")[0],
                    "examples": part_text(s, "example"), "sort": prop(s, "sort-id")})
            cat["children"].sort(key=lambda n: (n["sort"], n["id"]))
            fn["children"].append(cat)
        fn["children"].sort(key=lambda n: (n["sort"], n["id"]))
        functions.append(fn)
    return functions


def live_core(functions, withdrawn):
    """The 2.0 Core without the withdrawn elements; checks the table against the catalog."""
    no_examples = {s["id"] for f in functions for c in f["children"] for s in c["children"]
                   if not s["examples"]}
    empty_cats = {c["id"] for f in functions for c in f["children"] if not c["description"]}
    table_subs = {k for k in withdrawn if "-" in k}
    table_cats = {k for k in withdrawn if "-" not in k}
    if no_examples != table_subs:
        die("withdrawn subcategories differ from those without examples: %r"
            % sorted(no_examples ^ table_subs))
    if empty_cats != table_cats:
        die("withdrawn categories differ from those with empty statements: %r"
            % sorted(empty_cats ^ table_cats))
    live = []
    for f in functions:
        cats = []
        for c in f["children"]:
            if c["id"] in withdrawn:
                continue
            subs = [s for s in c["children"] if s["id"] not in withdrawn]
            cats.append(dict(c, children=subs))
        live.append(dict(f, children=cats))
    return live


FRAMEWORK_HEADER = """\
# Generated by scripts/gen-nist-csf-2.0.py from NIST's OSCAL CSF 2.0 catalog (version 1.0.0).
# Do not edit by hand: fix the generator.
kind: framework
id: nist-csf-2.0
title: The NIST Cybersecurity Framework (CSF) 2.0 (CSF Core)
short_title: CSF 2.0
version: "2.0"
publisher: NIST
# Six functions (Govern is the sixth): not a TS 27110 five-concept framework.
conformance: none
provenance:
  source: The NIST Cybersecurity Framework (CSF) 2.0, NIST CSWP 29 (2024-02-26), CSF Core, as NIST's OSCAL catalog NIST_CSF_v2.0_catalog.xml version 1.0.0 (usnistgov/oscal-content @ 3b3cdee8f9f9f3e9f18dd70d89a58d6287ae433f)
  edition: "2.0"
  tables: Appendix A, CSF Core (6 functions, 22 categories, 106 subcategories)
  licence: "public domain (a work of the US Government), CC0 1.0 worldwide waiver (usnistgov/oscal-content LICENSE.md)"
  method: transcribed
  notes: >-
    Generated by scripts/gen-nist-csf-2.0.py. Function descriptions are NIST's function overviews,
    category descriptions the category statements, subcategory descriptions the outcome statements;
    each subcategory's activities are NIST's implementation examples, in catalog order. Function
    titles are written Govern, Identify ... (the catalog prints them in capitals). Functions,
    categories and subcategories are in NIST's sort-id order. The 1.0.0 catalog also holds, without
    marking them, the 12 categories and 79 subcategories of CSF 1.1 that CSF 2.0 withdrew; they are
    left out here. They were identified from NIST's catalog version 1.2.0 (usnistgov/oscal-content
    @ 78650f02ad9321bb7b817846f8fbd4f2bcd620de, prop status=withdrawn), and they are exactly the
    subcategories without implementation examples and the categories with an empty statement of
    1.0.0 (the generator checks both). NIST's OSCAL catalog carries no informative references (CSF
    2.0's informative references are published separately, in NIST's CPRT), so no node has
    references; see the mapping set nist-csf-1.1-to-nist-csf-2.0 for the way from CSF 1.1 and its
    ISO/IEC 27001:2013 references. NIST content, public domain.
nodes:
"""


def emit_framework(live, out):
    out.write(FRAMEWORK_HEADER)
    for fn in live:
        out.write("  - id: %s\n    level: function\n    title: %s\n    description: %s\n"
                  "    children:\n" % (fn["id"], scalar(fn["title"]), scalar(fn["description"])))
        for cat in fn["children"]:
            out.write("      - id: %s\n        level: category\n        title: %s\n"
                      "        description: %s\n        children:\n"
                      % (cat["id"], scalar(cat["title"]), scalar(cat["description"])))
            for sub in cat["children"]:
                out.write("          - id: %s\n            level: subcategory\n"
                          "            description: %s\n" % (sub["id"], scalar(sub["description"])))
                if sub["examples"]:
                    out.write("            activities:\n")
                    for ex in sub["examples"]:
                        out.write("              - %s\n" % scalar(ex))


def load_csf_11(csv_path):
    functions = load_generator("gen-nist-csf-1.1.py").parse(csv_path)
    nodes = {}
    for f in functions:
        for c in f["children"]:
            nodes[c["id"]] = c["description"]
            for s in c["children"]:
                nodes[s["id"]] = s["description"]
    return nodes


def to_v2(old_id):
    m = re.fullmatch(r"([A-Z]{2}\.[A-Z]{2})-(\d+)", old_id)
    return "%s-%02d" % (m.group(1), int(m.group(2))) if m else old_id


def to_v1(new_id):
    m = re.fullmatch(r"([A-Z]{2}\.[A-Z]{2})-(\d+)", new_id)
    return "%s-%d" % (m.group(1), int(m.group(2))) if m else new_id


def same_text(a, b):
    norm = lambda t: re.sub(r"[\s.]+$", "", t.replace("\u2019", "'").lower())
    return norm(a) == norm(b)


def typed_table():
    table = {}
    for line in TYPED.strip().splitlines():
        m = re.fullmatch(r"(\S+) (\S+) (equal|equivalent|subset-of|superset-of|intersects-with)"
                         r" \| (\S.*)", line)
        if not m:
            die("bad TYPED line %r" % line)
        if (m.group(1), m.group(2)) in table:
            die("TYPED types %s -> %s twice" % (m.group(1), m.group(2)))
        table[(m.group(1), m.group(2))] = (m.group(3), m.group(4))
    return table


def mapping_rows(old, live, withdrawn):
    live_text = {}
    for f in live:
        live_text[f["id"]] = f["description"]
        for c in f["children"]:
            live_text[c["id"]] = c["description"]
            for s in c["children"]:
                live_text[s["id"]] = s["description"]
    typed, used, rows = typed_table(), set(), []

    def row(src, tgt, why_prefix):
        if (src, tgt) not in typed:
            die("%s -> %s is linked by NIST but not typed in TYPED" % (src, tgt))
        rel, why = typed[(src, tgt)]
        if (rel == "equal") != same_text(old[src], live_text[tgt]):
            die("%s -> %s: equal is for the same sentence, and only for it" % (src, tgt))
        used.add((src, tgt))
        rows.append({"source": src, "target": tgt, "relationship": rel,
                     "rationale": why_prefix + "; " + why})

    for old_id in old:                            # CSF 1.1 document order
        new_id = to_v2(old_id)
        if new_id not in withdrawn:
            if new_id not in live_text:
                die("CSF 1.1 %s is neither withdrawn nor kept in 2.0" % old_id)
            if "-" not in old_id:
                continue                            # kept categories: not mapped (see notes)
            row(old_id, new_id, "NIST keeps the identifier (not withdrawn in 2.0)")
            continue
        link, targets = withdrawn[new_id]
        if link == "none":
            continue
        for t in targets:
            if t not in live_text:
                die("%s links to %s, which is not a live 2.0 element" % (new_id, t))
        nist = "NIST: %s %s %s" % (new_id, link.replace("_", " "), ", ".join(targets))
        for t in targets:
            row(old_id, t, nist)
    unused = set(typed) - used
    if unused:
        die("TYPED entries NIST does not link: %r" % sorted(unused))
    return rows


MAPPING_HEADER = """\
# Generated by scripts/gen-nist-csf-2.0.py from NIST's OSCAL CSF 2.0 catalog (withdrawn elements
# and their links as in version 1.2.0) and NIST's CSF 1.1 core. Do not edit by hand: fix the
# generator. Each entry's comment gives the CSF 1.1 sentence; the 2.0 sentences are in
# catalog/frameworks/nist-csf-2.0.yaml.
kind: mapping-set
id: nist-csf-1.1-to-nist-csf-2.0
title: NIST Cybersecurity Framework 1.1 to 2.0 (NIST's withdrawn, incorporated-into and moved-to links)
source: { framework: nist-csf-1.1 }
target: { framework: nist-csf-2.0 }
purpose: crosswalk
provenance:
  source: NIST's OSCAL CSF 2.0 catalog, version 1.2.0 (usnistgov/oscal-content @ 78650f02ad9321bb7b817846f8fbd4f2bcd620de, nist.gov/CSF/v2.0/json/NIST_CSF_v2.0_catalog-min.json), prop status=withdrawn and links incorporated_into / moved_to
  edition: "2.0"
  tables: CSF 2.0 Core; CSF 1.1 Appendix A, Table 2
  licence: "public domain (a work of the US Government), CC0 1.0 worldwide waiver (usnistgov/oscal-content LICENSE.md); the relationship types and rationales are cyberframe's own"
  method: derived
  notes: >-
    Generated by scripts/gen-nist-csf-2.0.py. Which 1.1 element went where is NIST's: version
    1.2.0 of NIST's OSCAL CSF 2.0 catalog marks the 79 withdrawn CSF 1.1 subcategories and 12
    withdrawn categories with status=withdrawn and links them to their 2.0 successors (transcribed
    into the generator's WITHDRAWN table and checked against catalog version 1.0.0). CSF 1.1 ids
    are written as in CSF 1.1 (ID.BE-1), 2.0 ids as in 2.0 (GV.OC-05). The relationship types are
    ours: NIST's link says where a 1.1 element went, not how much of it the target states, so every
    entry was typed by reading the 1.1 and the 2.0 statements (the generator's TYPED table, with a
    one-line rationale each; docs/crosswalks.md gives the rule). An entry is subset-of only when
    the 2.0 statement states every part of the 1.1 statement (2.0 may add more), superset-of when
    the 1.1 statement states every part of the 2.0 one, equivalent when each states the other,
    equal when the sentences are the same, and intersects-with otherwise; NIST's implementation
    examples are illustrations, not requirements, and do not count; a category or function is read
    with its subcategories. Links to a 2.0 category or function (ID.GV-1 to GV.PO, PR.IP-7 to
    ID.IM) are kept as NIST gives them.
    Category links are mapped as NIST gives them (ID.BE, ID.GV, ID.RM, ID.SC, PR.AC, PR.MA, RS.IM,
    RC.IM); PR.IP, PR.PT, DE.DP and RS.RP are withdrawn without a link (their subcategories are
    linked one by one) and are the source of no entry. Functions, and categories kept under the
    same identifier (ID.AM, ID.RA, PR.AT, PR.DS, DE.AE, DE.CM, RS.AN, RS.CO, RS.MI, RC.RP, RC.CO),
    are not mapped: NIST gives no link for them and their descriptions were rewritten; compare
    their subcategories. The CSF 2.0 subcategories that are the target of no entry (new in 2.0)
    are: {untargeted}. NIST content, public domain.
mappings:
"""


def emit_mapping(rows, old, live, out):
    targeted = {r["target"] for r in rows}
    untargeted = [s["id"] for f in live for c in f["children"] for s in c["children"]
                  if s["id"] not in targeted]
    out.write(MAPPING_HEADER.replace("{untargeted}", ", ".join(untargeted)))
    last = None
    for r in rows:
        if r["source"] != last:
            out.write("  # %s: %s\n" % (r["source"], old[r["source"]]))
            last = r["source"]
        out.write("  - { source: %s, target: %s, relationship: %s, rationale: %s }\n"
                  % (quote(r["source"]), quote(r["target"]), r["relationship"],
                     quote(r["rationale"])))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "framework":
        withdrawn = withdrawn_table()
        live = live_core(read_catalog(sys.argv[2]), withdrawn)
        cats = [c for f in live for c in f["children"]]
        subs = [s for c in cats for s in c["children"]]
        if (len(live), len(cats), len(subs)) != (6, 22, 106):
            die("expected 6/22/106 nodes, got %d/%d/%d" % (len(live), len(cats), len(subs)))
        emit_framework(live, sys.stdout)
    elif len(sys.argv) == 4 and sys.argv[1] == "mapping":
        withdrawn = withdrawn_table()
        live = live_core(read_catalog(sys.argv[2]), withdrawn)
        old = load_csf_11(sys.argv[3])
        emit_mapping(mapping_rows(old, live, withdrawn), old, live, sys.stdout)
    else:
        sys.exit("usage: gen-nist-csf-2.0.py framework CATALOG.xml > nist-csf-2.0.yaml\n"
                 "       gen-nist-csf-2.0.py mapping CATALOG.xml CORE-1.1.csv > "
                 "nist-csf-1.1-to-nist-csf-2.0.yaml")


if __name__ == "__main__":
    main()
