//! The general vocabulary of the generator's filler sentences: policy nouns, adjectives, verbs
//! and adverbs. Each list is sampled with a Zipf law after a fixed shuffle, so a few words are
//! everywhere and most are rare, as in a real archive. Words are separated by white space; a
//! `:` gives irregular forms (`crisis:crises`, `build:built:built`, `cut:cut:cut:cutting`).

/// Countable policy nouns in the singular; `singular:plural` where the plural is irregular.
pub(crate) const NOUNS: &str = "
accord account accusation action actor adjustment administration adversary advantage adviser
advocate agency agenda agreement aim alliance ally alternative ambiguity ambition amendment
analysis:analyses anniversary announcement answer appeal approach approval arena argument
arrangement arrest aspect assault assembly assessment asset assumption assurance attempt
audience audit authority backdrop backer balance bargain barrier baseline battle behavior!
belief benchmark benefit bid bill bloc board body boundary branch breakthrough budget
bureaucracy cabinet calculation campaign candidate capability capacity capital cargo:cargoes
case casualty ceasefire cell challenge channel charter checkpoint choice circle citizen city
claim clan clash coalition collapse colleague command commission commitment committee community
company compromise concern concession condition conference conflict confrontation consequence
constituency constraint consultation contact contender context contingency contract contribution
controversy convention corridor council counterpart coup court credibility! crisis:crises
criterion:criteria critic culture currency cycle deadline deadlock deal debate decade decision
declaration decline decree defection deficit delegation demand demonstration deployment deputy
design detail deterrent development dialogue difference dilemma diplomat directive dispute
distinction district divide doctrine domain donor draft driver dynamic economy edge effort
election element elite embargo:embargoes emergency emphasis! endorsement enemy engagement envoy
episode equation era escalation establishment estimate event evidence! exception exchange
exercise expectation expert explanation exposure! extension facility faction factor failure
fault feature figure file fissure flashpoint focus force forum foundation fracture framework
front frontier gain gap gathering gesture goal government grievance ground group guarantee
guideline headquarters hearing hedge hierarchy hurdle idea identity impact impasse implication
incentive incident income increase indicator influence! initiative inquiry insider institution
instrument intent! interest intermediary interpretation intervention interview investment issue
item juncture jurisdiction justification label landscape law lawmaker layer leader leadership!
leverage! liability limit line link list loophole loyalty majority mandate maneuver margin
market measure mechanism mediator meeting member memorandum message method milestone minister
ministry minority mission mistake model moment momentum! motive movement narrative nation need
negotiation neighbor network norm notion objective obligation observer obstacle offensive offer
office official operation opponent opportunity option order organization outcome outlet outreach
overture package pact parliament partner partnership party pattern payment perception period
permit perspective phase pillar pipeline plan platform player pledge plot point policy portfolio
position posture power practice precedent premise preparation presence! pressure priority problem
procedure process program project promise proposal prospect protest provision proxy purge
question quota rally rationale reaction reading reality rebuke recognition! record reform
refusal regime region regulation relationship remark report representative request requirement
reserve resolution resource response responsibility restraint! restriction result retreat return
review revision rhetoric! right risk rival rivalry role round rule ruling rumor safeguard
sanction scenario scheme scope seat sector security! segment sequence session setback settlement
shift shortage signal site situation source sovereignty! speech sphere split sponsor stake
stalemate stance standard standoff statement status! step stockpile strategy stream strength
structure struggle subsidy success successor summit supply support! surge survey suspicion
system tactic talk target task tension term territory test threat threshold tie timeline
timetable tool track trade! tradition transaction transfer transition treaty trend trial tribe
trigger truce trust! turn ultimatum uncertainty understanding unit uprising vacuum value
variable venture verdict veto:vetoes view violation visit voice vote vulnerability warning
weakness weapon window withdrawal witness worry yardstick zone abstention accountant acquisition
activist addendum adherent affiliate aftermath airlift airport allegation allocation ambush
annex anomaly appetite arbiter arbitration archive armistice arsenal artery ascent aspiration
assassination audition auditor autocrat avenue backchannel bailout ballot bandwidth! bankruptcy
barracks:barracks bastion battalion battlefield beneficiary bottleneck boycott breach bribe
brigade broker buffer bulletin bunker bureau bystander caliphate caretaker cartel caucus census
chamber chancellery chokepoint clampdown clause clergyman:clergymen cohort collaborator colony
commodity compact competitor complaint complex component compound concert confederation
confidant conglomerate conscript consortium constitution consulate contractor convoy cornerstone
corporation correspondent counterweight covenant crackdown creditor crossing custodian
customs:customs debt defector delegate demarcation denial dependency deposit detachment detente
devaluation dictatorship directorate disbursement discourse! dissident distributor dividend
dossier downturn dynasty edict electorate embassy emirate enclave encroachment enterprise entity
entourage epicenter escort estate exile exodus expansion expedition exporter federation ferry
financier fleet foothold fortress franchise freeze frigate fund gambit garrison gatekeeper
generation governorate grant grid guarantor guerrilla hardliner haven headline heir highway
holdout hostage household hub incursion indictment inflow informant insurgent interlocutor
inventory investor jurist kingdom kingmaker landlord landmark lawsuit legislator lender lifeline
lobby loyalist magnate manifesto marketplace martyr merger militant militiaman:militiamen
moratorium municipality neighborhood newcomer nominee notable offshoot oligarch ombudsman
outpost outsider overhaul palace pamphlet paramilitary parliamentarian participant patriarch
patrol patron payroll peacekeeper pension petition pilgrimage pioneer plaintiff plebiscite
polity powerbroker prerogative president prisoner privilege prosecutor protectorate province
purchaser quarrel raid ransom! ratification realignment rebel reconciliation recruit referendum
refinery reformer refugee regiment regulator reign reprisal republic reservoir resignation
retaliation revenue revolt riot roadblock roadmap royalty sanctuary scandal secretariat sect
seminar shareholder shipment skirmish slogan smuggler spokesman:spokesmen stakeholder statute
stipend stronghold subcommittee subsidiary superpower supplier syndicate takeover taxation!
technocrat tenure testimony tributary tribunal trustee turmoil! underwriter upheaval vanguard
vendetta venue veteran viceroy vigil villager warlord watchdog whistleblower workforce
";

/// Adjectives, all usable both before a noun and after "is".
pub(crate) const ADJECTIVES: &str = "
abrupt absolute academic acute additional adequate administrative adverse aggressive alarming
ambitious ambiguous ample annual anxious apparent armed assertive autonomous available awkward
balanced basic bilateral binding bitter bleak bold brief broad brutal bureaucratic calculated
careful cautious central certain chronic civic civil clandestine clear close coercive collective
commercial common competing complex comprehensive concrete conditional confident confrontational
consistent constitutional constructive contentious continued controversial conventional
convincing coordinated core costly covert credible critical crucial cultural current cyclical
daily damaging dangerous decisive deep defensive deliberate delicate democratic dependent
desperate detailed diplomatic direct discreet distinct domestic dominant doubtful dramatic
durable dysfunctional early economic effective efficient elaborate electoral emerging enduring
enormous entrenched essential established ethnic eventual evident exceptional excessive existing
expensive explicit external extensive extraordinary fair familiar federal fierce financial firm
fiscal flexible foreign formal former fragile frequent frustrated full fundamental further
future general genuine global gradual grave growing harsh heavy hidden historic hostile huge
humanitarian hybrid immediate imminent implicit important impossible incremental independent
indirect individual inevitable influential informal initial institutional integral intense
internal international isolated joint judicial key large lasting late lavish legal legislative
legitimate likely limited local logistical long lucrative main major marginal massive meaningful
measurable mixed moderate modest multilateral municipal mutual narrow national natural necessary
negative new nominal normal notable numerous obvious occasional official ongoing open
operational ordinary organized outright overall overt parallel partial particular passive
perennial permanent persistent personal pivotal plausible political popular positive possible
potential powerful practical pragmatic precarious precise predictable preliminary presidential
pressing previous primary prior private proactive problematic profound prolonged prominent
promising proper prospective provincial public punitive quiet radical rapid rare rational real
recent reciprocal regional regular relative reliable reluctant remarkable remote renewed
repeated representative resilient restrictive rhetorical rigid risky rival robust rough rural
routine scarce seasonal secondary secret sectarian secular selective senior sensitive separate
serious severe shared sharp short significant silent similar simple sizable skeptical slow small
social sole sophisticated sovereign sparse special specific stable stark steady strategic strict
strong structural subsequent substantial subtle successful sudden sufficient superficial
symbolic systematic tactical tangible technical temporary tense tentative territorial thin tight
total tough traditional transactional transnational tribal troubled typical unclear uncertain
underlying unexpected unilateral unique universal unlikely unofficial unpopular unprecedented
unresolved unstable unusual urban urgent useful vague valuable various vast viable violent
visible vital volatile vulnerable weak wide widespread willing abortive accountable adamant
adjacent affluent agrarian aligned alleged allied anonymous antagonistic arbitrary archaic
authoritarian autocratic belligerent benign biased blatant blunt brittle candid ceremonial
chaotic clannish clientelist coastal cohesive compliant conciliatory conservative contested
corrupt cosmetic courageous cumbersome defiant dormant dubious eager elusive embattled erratic
expansionist factional feeble fractious fraught frontline futile generous hardline hawkish
hesitant heterodox ideological illicit impatient impoverished inconclusive indispensable
ineffective inflammatory insular interim irregular jihadist landlocked lenient liberal lukewarm
mainstream maritime militant monolithic mountainous nationalist nascent nimble nonbinding opaque
opportunistic orderly paramilitary parochial patient peripheral piecemeal polarized populist
porous postwar provocative prudent quasi-official rebellious reformist repressive resentful
resurgent revisionist revolutionary ruling rudimentary salient seasoned semiofficial shadowy
shaky shrewd sluggish sporadic staunch stubborn supportive sweeping tenuous threadbare truculent
unaccountable unequal unfinished unruly unsustainable uneasy upstart vengeful veteran vocal wary
wealthy
";

/// Transitive verbs in the base form; `base:past:participle[:gerund]` where irregular.
pub(crate) const VERBS: &str = "
accelerate accept accommodate achieve acknowledge acquire address adjust administer adopt
advance affect aggravate align allocate alter amplify analyze anticipate appoint approve assess
assert assign assume attract authorize avoid back balance block boost broker build:built:built
bypass challenge channel:channeled:channeled:channeling clarify complicate compromise conceal
concede condemn confirm confront consolidate constrain contain contest coordinate counter curb
cut:cut:cut:cutting deepen defend defer:deferred:deferred:deferring define delay deliver demand
deny deploy destabilize deter:deterred:deterred:deterring dismantle dismiss disrupt distribute
divert document dominate downplay drive:drove:driven embolden emphasize enable encourage endorse
enforce engage enhance ensure entrench erode escalate establish evade examine exceed expand
exploit expose extend facilitate finance formalize frame freeze:froze:frozen fund gain generate
govern guarantee halt handle harden highlight hinder host identify ignore impose improve
increase influence initiate integrate intensify interpret investigate isolate justify launch
legitimize leverage limit link maintain manage mediate minimize mobilize modernize monitor
narrow negotiate neutralize normalize obscure obstruct offer offset:offset:offset:offsetting
outline overhaul oversee:oversaw:overseen pursue postpone preserve pressure prevent prioritize
promote protect provoke publicize question raise reaffirm recalibrate receive reduce reflect
reform reinforce reject renew reorganize replace reshape resist resolve restore restrict
restructure resume revive reward risk sanction secure shape shield shift
signal:signaled:signaled:signaling soften solidify spark stabilize stall strengthen subsidize
supervise suppress sustain target test tighten tolerate track
transfer:transferred:transferred:transferring undermine underscore unify upgrade weaken widen
withdraw:withdrew:withdrawn win:won:won:winning abandon abolish absorb accuse activate alienate
allege annex announce appease arbitrate arm arrest assassinate audit bankroll benefit boycott
brief camouflage canvass capitalize capture cement censor centralize circumvent co-opt collect
commission compensate compete complain comply conclude condone confiscate conscript consult
convene convert convict corrode court criminalize curtail decentralize declare decry delegate
demobilize denounce deport depose designate detain devalue diversify downgrade draft eclipse
elect eliminate embrace emulate endure energize enlist enrich entice exacerbate exempt exile
expel:expelled:expelled:expelling export extract fabricate falter flout forge fortify fragment
galvanize garner harass harness hijack humiliate implement import incite incorporate indict
infiltrate inherit insulate interdict intimidate invoke jeopardize
kidnap:kidnapped:kidnapped:kidnapping license liberalize liquidate lobby loot marginalize
militarize monopolize nationalize nominate nullify orchestrate outmaneuver outpace overrule
overturn patrol:patrolled:patrolled:patrolling penalize plunder politicize portray privatize
prosecute purge ratify rearm rebuild:rebuilt:rebuilt recruit redeploy reintegrate rekindle
relocate repatriate repeal repel:repelled:repelled:repelling replenish reroute rescind retaliate
retract revoke rotate sabotage safeguard scrutinize sever shelve sideline smuggle squander
stifle stockpile streamline subvert summon supplant surveil:surveilled:surveilled:surveilling
tax tout unleash unseat usurp validate vilify
";

/// Adverbs of manner and stance.
pub(crate) const ADVERBS: &str = "
quietly openly largely increasingly gradually effectively directly indirectly repeatedly
sharply steadily partly publicly privately formally informally briefly firmly clearly
deliberately explicitly implicitly reluctantly routinely significantly substantially swiftly
cautiously consistently aggressively belatedly collectively selectively temporarily
permanently rapidly slowly jointly unilaterally tacitly narrowly broadly heavily notably
reportedly allegedly ostensibly primarily mainly merely already still nonetheless arguably
presumably evidently ultimately initially eventually recently previously regularly frequently
occasionally rarely readily nominally quickly visibly carefully
";
