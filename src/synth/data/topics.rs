//! The topic tags, most common first, with the terms and words that mark briefs filed under
//! them and the kinds of people those briefs quote.

use super::RoleKind::{self, *};

// Topic names as tagged, shared by the organisation and expert tables.
pub(super) const ARAB: &str = "Arab & Islamic Politics";
pub(super) const TERROR: &str = "Terrorism";
pub(super) const MIL: &str = "Military & Security";
pub(super) const ECON: &str = "Energy & Economics";
pub(super) const NUKE: &str = "Proliferation";
pub(super) const DEMO: &str = "Democracy & Reform";
pub(super) const SANC: &str = "Sanctions";
pub(super) const GREAT: &str = "Great Power Competition";
pub(super) const HUM: &str = "Humanitarian Issues";
pub(super) const WATER: &str = "Water & Climate";
pub(super) const PEACE: &str = "Peace Process";
pub(super) const USPOL: &str = "U.S. Policy";
pub(super) const RIGHTS: &str = "Human Rights";
pub(super) const PROXY: &str = "Militias & Proxy Forces";
pub(super) const SEA: &str = "Shipping & Maritime Security";
pub(super) const CYBER: &str = "Cyber & Technology";

/// A topic tag with the vocabulary that marks briefs filed under it.
pub(crate) struct TopicDef {
    /// Facet name under TOPICS.
    pub name: &'static str,
    /// Noun phrases that fit "on …", "over …" (`|`-separated), most typical first.
    pub terms: &'static str,
    /// Single nouns in the singular that the topic's prose leans on.
    pub words: &'static str,
    /// Kinds of people briefs on this topic quote.
    pub roles: &'static [RoleKind],
    /// Relative share of briefs.
    pub weight: u32,
}

/// The topics, most common first.
pub(crate) const TOPICS: &[TopicDef] = &[
    TopicDef {
        name: ARAB,
        terms: "government formation|sectarian politics|tribal mediation|clerical authority|patronage networks|succession planning|the quota system|Islamist parties|parliamentary coalitions|religious endowments|constitutional reform|Friday sermons|decentralization|political Islam|street protests|the role of the seminaries",
        words: "cleric sect mosque sermon faction cabinet tribe sheikh ideology legitimacy! succession patronage! caucus endowment seminary notable elite Islamist loyalist hardliner movement coalition",
        roles: &[Politics, Religious, Diplomat],
        weight: 22,
    },
    TopicDef {
        name: TERROR,
        terms: "jihadist recruitment|foreign fighters|detention camps|online propaganda|external operations|terrorist financing|the repatriation of detainees|prison breaks|insurgent safe havens|kidnapping for ransom|deradicalization programs|cross-border attacks|suicide bombings",
        words: "jihadist militant cell insurgency bomber recruit propaganda! operative franchise affiliate plot ambush detainee camp emir raid hostage ideologue network attack",
        roles: &[Militant, Security],
        weight: 20,
    },
    TopicDef {
        name: MIL,
        terms: "air defense|border security|military modernization|force posture|drone warfare|arms transfers|joint exercises|basing rights|missile defense|security sector reform|counterinsurgency operations|command and control",
        words: "brigade battalion drone missile garrison airbase deterrence! exercise artillery! convoy patrol airstrike officer arsenal interceptor frontline regiment radar",
        roles: &[Military, Security, Diplomat],
        weight: 18,
    },
    TopicDef {
        name: ECON,
        terms: "oil exports|natural gas production|electricity shortages|currency devaluation|fuel subsidies|foreign investment|debt restructuring|refinery capacity|the budget deficit|inflation|youth unemployment|privatization|pipeline projects",
        words: "barrel refinery pipeline subsidy tariff inflation! investor export revenue loan grid wage bond exporter creditor lender megawatt",
        roles: &[Energy, Economy, Business],
        weight: 15,
    },
    TopicDef {
        name: NUKE,
        terms: "uranium enrichment|centrifuge production|IAEA inspections|weapons-grade material|the nuclear file|safeguards obligations|ballistic missile development|breakout time|snapback sanctions|civil nuclear cooperation|heavy water production",
        words: "centrifuge enrichment! reactor inspector warhead breakout isotope cascade verification! inspection uranium! plutonium! monitoring! enricher",
        roles: &[Diplomat, Security],
        weight: 8,
    },
    TopicDef {
        name: DEMO,
        terms: "electoral reform|judicial independence|anticorruption campaigns|press freedom|civil society|municipal elections|constitutional amendments|the transition to civilian rule|political liberalization|voter turnout",
        words: "ballot turnout! referendum constitution judiciary legislature activist watchdog accountability! corruption! candidate voter electorate",
        roles: &[Politics, Rights],
        weight: 9,
    },
    TopicDef {
        name: SANC,
        terms: "sanctions enforcement|oil smuggling|front companies|money laundering|secondary sanctions|illicit finance|ship-to-ship transfers|exchange houses|export controls|humanitarian exemptions|asset freezes",
        words: "designation waiver exemption evasion! tanker remittance smuggler financier license compliance! penalty launderer courier",
        roles: &[Economy, Business, Diplomat],
        weight: 9,
    },
    TopicDef {
        name: GREAT,
        terms: "Chinese investment|Russian arms sales|port concessions|strategic partnerships|technology transfers|great power rivalry|security guarantees|mediation efforts|alliance commitments|the Belt and Road Initiative",
        words: "superpower patron client rival concession corridor port guarantee alignment mediator outreach! summit competitor",
        roles: &[Diplomat, Business],
        weight: 8,
    },
    TopicDef {
        name: HUM,
        terms: "refugee returns|food insecurity|cross-border aid|displacement|reconstruction funding|cholera outbreaks|humanitarian access|camp conditions|the wheat supply|irregular migration|resettlement quotas",
        words: "refugee camp donor shelter famine aid! migrant relief! vaccination returnee asylum hospital ration clinic",
        roles: &[Rights, Politics, Diplomat],
        weight: 10,
    },
    TopicDef {
        name: WATER,
        terms: "water scarcity|dam construction|drought|groundwater depletion|heat waves|transboundary rivers|desalination capacity|dust storms|agricultural collapse|water-sharing agreements|climate adaptation",
        words: "dam reservoir drought river aquifer irrigation! basin rainfall! wetland harvest flood heatwave canal watershed farmer",
        roles: &[Energy, Politics, Economy],
        weight: 7,
    },
    TopicDef {
        name: PEACE,
        terms: "normalization|ceasefire talks|prisoner exchanges|settlement expansion|security coordination|reconstruction in Gaza|Palestinian reconciliation|confidence-building measures|final-status issues|the two-state solution",
        words: "negotiator normalization! settlement truce mediator reconciliation prisoner roadmap accord signatory",
        roles: &[Diplomat, Politics],
        weight: 8,
    },
    TopicDef {
        name: USPOL,
        terms: "U.S. force posture|congressional oversight|security assistance|counterterrorism cooperation|troop withdrawals|arms sales|diplomatic engagement|U.S. credibility|presidential waivers|the annual defense authorization",
        words: "administration envoy waiver appropriation oversight! testimony withdrawal credibility policymaker embassy",
        roles: &[Diplomat, Military],
        weight: 10,
    },
    TopicDef {
        name: RIGHTS,
        terms: "arbitrary detention|executions|torture allegations|freedom of expression|the treatment of minorities|women's rights|enforced disappearances|internet shutdowns|death sentences|labor rights",
        words: "detainee prisoner execution activist lawyer journalist minority dissident trial verdict abuse censorship! protester",
        roles: &[Rights, Religious, Security],
        weight: 8,
    },
    TopicDef {
        name: PROXY,
        terms: "militia integration|proxy warfare|weapons smuggling|the state's monopoly on force|armed factions|militia economies|drone attacks on bases|parallel command structures|cross-border supply lines|payroll fraud",
        words: "militia proxy faction commander fighter patron smuggling! payroll warlord arsenal sponsor auxiliary militiaman",
        roles: &[Militant, Security, Military],
        weight: 9,
    },
    TopicDef {
        name: SEA,
        terms: "freedom of navigation|tanker seizures|maritime interdictions|port security|shipping insurance premiums|naval escorts|mine clearance|attacks on commercial vessels|the Bab al-Mandab|the Strait of Hormuz|Suez Canal revenues",
        words: "tanker vessel port strait frigate convoy cargo shipping! mine insurer crew coastline interdiction harbor",
        roles: &[Military, Business, Security],
        weight: 6,
    },
    TopicDef {
        name: CYBER,
        terms: "cyberattacks|surveillance technology|digital repression|ransomware campaigns|internet censorship|critical infrastructure|spyware exports|hack-and-leak operations|semiconductor supply chains|data localization",
        words: "hacker malware spyware server breach encryption! surveillance! platform satellite software! firewall algorithm telecom",
        roles: &[Security, Business, Rights],
        weight: 5,
    },
];
