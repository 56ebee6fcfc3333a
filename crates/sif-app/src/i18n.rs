//! Every text the app shows, in Swedish and English, and the number and date formats of each
//! language.
//!
//! Texts are keys of one enum, [`T`], generated with both languages side by side, so a text
//! cannot exist in one language only: the compiler refuses a key without both. Texts with
//! values in them are small functions below. The language is passed explicitly; nothing here
//! is global.

use sif::money::{self, Money};

/// The app's language is Sif's one language type.
pub use sif::text::Lang;

macro_rules! texts {
    ($($key:ident => $sv:literal, $en:literal;)*) => {
        /// A text of the app. `T::X.get(lang)` gives it in that language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($key,)* }

        impl sif::text::Text for T {
            fn get(self, lang: Lang) -> &'static str {
                T::get(self, lang)
            }
        }

        impl T {
            /// Every text, for the test that checks both languages are present.
            #[allow(dead_code)]
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Sv) => $sv, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    // Menus and shell.
    MenuFile => "Arkiv", "File";
    MenuEdit => "Redigera", "Edit";
    MenuView => "Visa", "View";
    MenuLanguage => "Språk", "Language";
    New => "Ny…", "New…";
    Open => "Öppna…", "Open…";
    OpenRecent => "Öppna senaste", "Open recent";
    NoRecent => "Inga senaste filer", "No recent files";
    Save => "Spara", "Save";
    SaveAs => "Spara som…", "Save as…";
    Quit => "Avsluta", "Quit";
    Undo => "Ångra", "Undo";
    Redo => "Gör om", "Redo";
    Untitled => "Namnlös", "Untitled";
    Unsaved => "Osparade ändringar", "Unsaved changes";
    Scenario => "Scenario", "Scenario";
    BaseScenario => "Grundscenario", "Base scenario";
    IncludeProposed => "Räkna med föreslagna insatser", "Include proposed initiatives";
    // Views.
    ViewOverview => "Översikt", "Overview";
    ViewInitiatives => "Insatser", "Initiatives";
    ViewSettings => "Fondinställningar", "Fund settings";
    ViewProblems => "Problem", "Problems";
    ViewWhoGains => "Vem vinner", "Who gains";
    ViewScenarios => "Scenarier", "Scenarios";
    ViewRepayments => "Återföringar", "Repayments";
    ViewBudget => "Balanskrav", "Balanced budget";
    ViewLedger => "Bokföring", "Ledger";
    ExportFailedTitle => "Exporten misslyckades", "The export failed";
    ImportFailedTitle => "Filen kunde inte läsas in", "The file could not be read";
    ReadActualsFromSie => "Läs in utfall från SIE…", "Read actuals from SIE…";
    ReadInitiativesFromExcel => "Läs in insatser från Excel…", "Read initiatives from Excel…";
    ReadFromExcel => "Läs in från Excel…", "Read from Excel…";
    Apply => "Använd", "Apply";
    // Dialogs.
    NewFundTitle => "Ny fond", "New fund";
    NewFundIntro => "Välj en mall att börja från. Fonden sparas först när du väljer Spara.", "Choose a template to start from. The fund is saved only when you choose Save.";
    EmptyFund => "Tom fond: bara kommunstyrelsen, inga insatser", "Empty fund: only the municipal executive board, no initiatives";
    Create => "Skapa", "Create";
    Cancel => "Avbryt", "Cancel";
    Close => "Stäng", "Close";
    UnsavedTitle => "Osparade ändringar", "Unsaved changes";
    UnsavedQuestion => "Fonden har ändringar som inte är sparade. Vill du spara dem först?", "The fund has changes that are not saved. Do you want to save them first?";
    DontSave => "Spara inte", "Don't save";
    OpenFailedTitle => "Filen kunde inte öppnas", "The file could not be opened";
    SaveFailedTitle => "Filen kunde inte sparas", "The file could not be saved";
    FundFiles => "Fondfiler (.ron)", "Fund files (.ron)";
    // Banners and status.
    ErrorsBlock => "Fonden har fel som måste rättas innan siffrorna kan räknas fram.", "The fund has errors that must be fixed before the figures can be computed.";
    ShowProblems => "Visa problemen", "Show the problems";
    NoFigures => "–", "–";
    NotCounted => "Räknas inte med (föreslagen). Slå på ”Räkna med föreslagna insatser” för att se siffrorna.", "Not counted (proposed). Turn on “Include proposed initiatives” to see the figures.";
    // The shell: lib.rs, imports, what-if, safety, file dialog, help, export, widgets, dialogs.
    // lib.rs
    TitleUnsavedMark => " (osparad)", " (unsaved)";
    MenuExport => "Exportera", "Export";
    ExportWorkbook => "Excel-arbetsbok med rapporterna…", "Excel workbook of the reports…";
    AlwaysOwnFileDialog => "Använd alltid Sifs egen fildialog", "Always use Sif's own file dialog";
    AlwaysOwnFileDialogHelp => "Av: Sif använder systemets fildialog och sin egen bara när systemet inte kan visa någon.", "Off: Sif uses the system's file dialog, and its own only when the system cannot show one.";
    MenuHelp => "Hjälp", "Help";
    Recomputing => "Räknar om …", "Recomputing …";
    ReportExerciseQuestion => "Övningsläget visar andra antaganden än fondens plan. Ska rapporten visa övningen? Den står då i rapporten som ”Övning (ej sparat scenario)”.", "Trainer mode shows other assumptions than the fund's plan. Should the report show the exercise? The report then names it “Exercise (not a saved scenario)”.";
    ReportWithExercise => "Med övningen", "With the exercise";
    ReportWithPlan => "Planen", "The plan";
    DefaultFundName => "Sociala investeringsfonden", "Social investment fund";
    DefaultOrganisation => "Kommunen", "The municipality";
    NotOverFundFile => "Filen kan inte skrivas över fondfilen själv; välj ett annat namn.", "The file cannot be written over the fund file itself; choose another name.";
    // import.rs
    ImpPlanned => "Plan", "Planned";
    ImpRecordedNow => "Registrerat nu", "Recorded now";
    ImpInTheFile => "I filen", "In the file";
    ImpDifference => "Skillnad", "Difference";
    ImpFundPayment => "fondens utbetalning", "fund payment";
    ImpRepaidBy => "återföring från", "repaid by";
    ImpRepaidInAllBy => "Återfört totalt från", "Repaid in all by";
    ImpFile => "Fil", "File";
    ImpFundPaymentFrom => "Fondens utbetalning från", "Fund payment from";
    ImpInitiativeCosts => "insatsens kostnader (konto 4000–7999)", "the initiative's costs (accounts 4000–7999)";
    ImpPerInitiative => "Per insats, kr", "Per initiative, SEK";
    ImpNoRowsForFund => "Filen har inga rader för fondens insatser.", "The file has no rows for the fund's initiatives.";
    ImpLine => "Avser", "Line";
    ImpRepaymentsPerPayer => "Återföringar per betalare, kr", "Repayments per payer, SEK";
    ImpUnmatchedRows => "Rader som inte hör till någon insats (läses inte in)", "Rows that match no initiative (not read in)";
    ImpObject => "Objekt", "Object";
    ImpAccount => "Konto", "Account";
    ImpNoProject => "(inget projekt)", "(no project)";
    ImpApplyReplacesActuals => "Använd ersätter årets utfall för insatserna ovan, med filen som källa. Det går att ångra (Redigera, Ångra).", "Apply replaces the year's actual figures of the initiatives above, with the file as their source. It can be undone (Edit, Undo).";
    ImpNothingRead => "Inget läses in.", "Nothing is read in.";
    ImpCostToFund => "Kostnad från fonden", "Cost to the fund";
    ImpRepayment => "Återföring", "Repayment";
    ImpApplyAddsInitiatives => "Använd lägger till insatserna i ett steg, som går att ångra (Redigera, Ångra).", "Apply adds the initiatives in one step, which can be undone (Edit, Undo).";
    // whatif.rs
    RulesCurrentLaw => "Gällande lag", "Current law";
    RulesProposal => "Förslaget (ESO 2020:1, inte lag)", "The proposal (ESO 2020:1, not law)";
    ScenarioNameIsBase => "”base” är grundscenariots namn", "“base” is the name of the base scenario";
    ScenarioNameTaken => "det finns redan ett scenario med det namnet", "a scenario with that name already exists";
    WiSavingsRealised => "Besparingar som realiseras", "Savings realised";
    WiCostOverrun => "Kostnadsöverdrag", "Cost overrun";
    WiSavingsLater => "Besparingarna kommer senare", "Savings come later by";
    WiMoreDeadweight => "Mer dödvikt på varje besparing", "More deadweight on every saving";
    WiSaveAsScenario => "Spara som scenario", "Save as scenario";
    WiScenarioName => "Scenariots namn", "Scenario name";
    WiResetToPlan => "Återställ till planen", "Reset to the plan";
    MenuTrainerMode => "Övningsläge (vad händer om …)", "Trainer mode (what if …)";
    MenuPresentationMode => "Presentationsläge", "Presentation mode";
    MenuPrintableReport => "Skriv ut rapport…", "Printable report…";
    MenuResetSample => "Återställ exempelfonden", "Reset to the sample fund";
    WiTitle => "Vad händer om …", "What if …";
    WiIntro => "Ändra antagandena: alla vyer räknas om direkt. Fonden ändras inte förrän du sparar antagandena som ett scenario.", "Change the assumptions: every view is recomputed at once. The fund does not change until you save them as a scenario.";
    WiLoadFrom => "Hämta värden från", "Load values from";
    WiOwnValues => "(egna värden)", "(own values)";
    WiSavingsHelp => "Hur stor del av de förväntade besparingarna som blir av, i procent (100 % = som planerat). Piltangenterna ändrar i steg om 5.", "How much of the expected savings is realised, in percent (100 % = as planned). The arrow keys change it in steps of 5.";
    WiCostsHelp => "Hur mycket mer (eller mindre) varje kostnad blir, i procent (0 % = som planerat).", "How much more (or less) every cost becomes, in percent (0 % = as planned).";
    WiDelayHelp => "Hur många år senare varje besparing kommer; år efter periodens slut faller bort.", "How many years later every saving comes; years past the horizon drop out.";
    WiDeadweightHelp => "Procentenheter dödvikt som läggs på varje besparingsrads egen dödvikt (högst 100 %).", "Percentage points of deadweight added to each savings row's own deadweight (at most 100 %).";
    WiDeadweightNote => "Dödvikt är det som hade hänt ändå. Ändrar bara den justerade kalkylen, inte återföringarna.", "Deadweight is what would have happened anyway. Changes only the adjusted appraisal, not the repayments.";
    WiBudgetResultUnder => "Balanskravsresultat enligt", "Balanced-budget result under";
    WiKeepAssumptions => "Behåll antagandena", "Keep the assumptions";
    WiExercise => "Övning", "Exercise";
    WiScenarioNameHelp => "Namnet på det nya scenariot; det får inte redan finnas i fonden.", "The new scenario's name; the fund must not have it already.";
    WiDeadweightNotKept => "Den extra dödvikten sparas inte i scenariot: dödvikt anges per besparingsrad (Insatser › Justeringar).", "The extra deadweight is not kept in the scenario: deadweight is set per savings row (Initiatives › Adjustments).";
    WiLeaveTrainer => "Avsluta övningsläget", "Leave trainer mode";
    WiTrainerMode => "Övningsläge", "Trainer mode";
    WiLeavePresentation => "Avsluta presentationen (F5)", "Leave the presentation (F5)";
    WiExerciseNotSaved => "Övning (ej sparat scenario)", "Exercise (not a saved scenario)";
    WiReportWord => "rapport", "report";
    // safety.rs
    SafeRestore => "Återställ", "Restore";
    SafeDiscard => "Kasta ändringarna", "Discard the changes";
    SafeFileGone => "Filen finns inte längre", "The file is gone";
    SafeFileChanged => "Filen har ändrats", "The file has changed";
    SafeLoadOther => "Läs in den andra versionen", "Load the other version";
    SafeLoadNew => "Läs in den nya versionen", "Load the new version";
    SafeKeepMine => "Behåll mina ändringar", "Keep my changes";
    SafeReload => "Läs in", "Reload";
    SafeKeepOpen => "Behåll den jag har öppen", "Keep the one I have open";
    SafeSaveAgain => "Spara igen", "Save again";
    // file_dialog.rs
    FdFolderOrPath => "Mapp eller sökväg", "Folder or path";
    FdPathHelp => "Skriv en mapp och tryck Enter för att gå dit, eller en hel sökväg till filen.", "Type a folder and press Enter to go there, or a whole path to the file.";
    FdGo => "Gå till", "Go";
    FdUp => "Upp en nivå", "Up one level";
    FdRecentFolders => "Senaste mappar:", "Recent folders:";
    FdEmpty => "Inga mappar eller filer av den här typen här.", "No folders or files of this type here.";
    FdFileName => "Filnamn", "File name";
    FdShowAllTypes => "Visa alla filtyper", "Show all file types";
    FdOpen => "Öppna", "Open";
    FdReplaceQuestion => "Ersätta filen?", "Replace the file?";
    FdReplace => "Ersätt", "Replace";
    FdOtherName => "Välj ett annat namn", "Choose another name";
    // help.rs
    HelpGuide => "Användarguide", "User guide";
    HelpShortcuts => "Kortkommandon", "Keyboard shortcuts";
    HelpAbout => "Om Sif", "About Sif";
    KeyEnterHelp => "Sparar ändringen i ett fält", "Commits the edit in a field";
    KeyTabHelp => "Nästa fält eller knapp", "Next field or button";
    AboutTagline => "Planera och följ upp en kommuns sociala investeringsfond.", "Plan and account for a municipal social-investment fund.";
    AboutLicence => "Licens", "Licence";
    AboutNone => "(ingen)", "(none)";
    AboutFiles => "Här har Sif sina filer", "Where Sif keeps its files";
    AboutPreferences => "Inställningar", "Preferences";
    AboutRecovery => "Kopior för återställning", "Copies for recovery";
    AboutFundFiles => "Fondfilerna ligger där du sparar dem; Sif lägger den förra versionen bredvid som FIL.ron.bak.", "Fund files are where you save them; Sif keeps the previous version beside them as FILE.ron.bak.";
    // widgets.rs
    MoneyFieldHelp => "Belopp i hela kronor. Du kan skriva 1 200 000, 1,2 mkr eller 300 tkr. Enter sparar, Esc ångrar.", "Amount in whole kronor. You can type 1,200,000, 1.2 mkr or 300 tkr. Enter keeps it, Esc throws it away.";
    NegativeAmount => "beloppet får inte vara negativt", "the amount must not be negative";
    YearFieldHelp => "Ett årtal, till exempel 2026.", "A year, for example 2026.";
    IntFieldHelp => "Ett heltal (procent, vikt eller antal).", "A whole number (percent, weight or count).";
    TextFieldHelp => "Text. Enter sparar, Esc ångrar.", "Text. Enter keeps it, Esc throws it away.";
    // dialogs.rs
    WebPages => "Webbsidor (.html)", "Web pages (.html)";
    PrintableReportTitle => "Skriv ut rapport", "Printable report";
    AllFiles => "Alla filer", "All files";
    // command.rs
    KeyPresentingHelp => "Presentationsläge på och av", "Presentation mode on and off";
    KeyEscHelp => "Stänger en dialog; lämnar presentationsläget; ångrar en påbörjad ändring i ett fält", "Closes a dialog; leaves presentation mode; throws away an edit in a field";
    // Titles, filters and words with no value (lib.rs, imports, what-if, safety, file dialog).
    OpenFundFileTitle => "Öppna en fondfil", "Open a fund file";
    ImpSieTitle => "Läs in utfall från SIE", "Read actuals from SIE";
    ImpExcelTitle => "Läs in insatser från Excel", "Read initiatives from Excel";
    ImpSieFilter => "SIE-filer (.se, .si, .sie)", "SIE files (.se, .si, .sie)";
    ImpExcelFilter => "Arbetsböcker och CSV (.xlsx, .csv)", "Workbooks and CSV (.xlsx, .csv)";
    ImpYearsBefore => "Åren före måste stängas först, ett i taget, i Återföringar.", "The years before must be closed first, one at a time, in Repayments.";
    SafeOverwrite => "Skriv över", "Overwrite";
    FdChooseFile => "Välj en fil i listan eller skriv dess namn.", "Choose a file in the list or type its name.";
    FdTypeName => "Skriv ett filnamn.", "Type a file name.";
    RecoveredNewFund => "Den nya fonden är återställd; den är inte sparad än.", "The new fund is restored; it is not saved yet.";
    // What an edit changes, for Undo and Redo in the Edit menu (command.rs).
    UndoInitiative => "insats", "initiative";
    UndoCosts => "kostnader", "costs";
    UndoSavings => "besparingar", "savings";
    UndoActuals => "utfall", "actuals";
    UndoName => "namn", "name";
    UndoStatus => "status", "status";
    UndoRepayment => "återföring", "repayment";
    UndoOwner => "ägare", "owner";
    UndoCode => "kod", "code";
    UndoChange => "ändring", "change";
    UndoSettings => "fondinställningar", "fund settings";
    UndoActors => "aktörer", "actors";
    UndoCapital => "kapital", "capital";
    UndoBudget => "budget", "budget";
    UndoAccounts => "konton", "accounts";
    UndoScenarios => "scenarier", "scenarios";
    UndoWhole => "ändring i hela fonden", "change across the fund";
    // (end of the shell's texts)
    // Overview.
    KeyFigures => "Nyckeltal", "Key figures";
    CapitalIn => "Kapital tillfört", "Capital added";
    Disbursed => "Utbetalt", "Disbursed";
    Repaid => "Återfört", "Repaid";
    ClosedYearShort => "planerat, stängt år", "planned, closed year";
    ArrearsCarried => "Eftersläpningen förs in i planen: återföringen ur besparingar fortsätter tills taket nåtts, så senare års plan har redan vuxit med den. Den ska inte betalas därutöver.", "The arrears are carried into the plan: repayment from savings continues until the cap is reached, so the later years' plan has already grown by them. They are not owed on top.";
    ArrearsOwed => "Eftersläpningen ska betalas utöver planen: de fasta delbetalningarna flyttas inte, så planen för senare år är oförändrad.", "The arrears are owed in addition to the plan: the fixed instalments never move, so the later years' plan is unchanged.";
    Unfunded => "Ofinansierat (belastar fritt eget kapital)", "Unfunded (charged to free equity)";
    UnfundedBars => "Fonden kan inte betala", "The fund cannot pay";
    ClosingBalance => "Fondens saldo vid periodens slut", "Fund balance at the horizon's end";
    UncommittedBalance => "Ej intecknat vid periodens slut", "Uncommitted at the horizon's end";
    InitiativesByStatus => "Insatser per status", "Initiatives by status";
    FundBalance => "Fondens saldo", "Fund balance";
    Uncommitted => "Ej intecknat", "Uncommitted";
    BalanceOverYears => "Fondens saldo över åren", "Fund balance over the years";
    FlowsPerYear => "Utbetalningar och återföringar per år", "Disbursements and repayments per year";
    Warnings => "Varningar", "Warnings";
    NoWarnings => "Inga varningar.", "No warnings.";
    Year => "År", "Year";
    AnnualNote => "Anslagsmodell: det som inte används förfaller vid årets slut, och återföringar går till den allmänna budgeten.", "Annual appropriation: what is unspent lapses at year end, and repayments go to the general budget.";
    // Initiatives table.
    Code => "Kod", "Code";
    Name => "Namn", "Name";
    Owner => "Ägare", "Owner";
    Status => "Status", "Status";
    FundCost => "Fondens kostnad", "Fund cost";
    ExpectedSavings => "Förväntade besparingar", "Expected savings";
    SavingsShort => "Besparingar", "Savings";
    RepaidCol => "Återfört", "Repaid";
    Npv => "Nuvärde", "NPV";
    PaybackYear => "Återbetalningsår", "Payback year";
    Filter => "Filtrera", "Filter";
    SortBy => "Sortera efter", "Sort by";
    FilterHint => "kod, namn eller ägare", "code, name or owner";
    AllStatuses => "Alla statusar", "All statuses";
    StatusFilter => "Visa status", "Show status";
    AddInitiative => "Ny insats", "New initiative";
    Duplicate => "Duplicera", "Duplicate";
    Delete => "Ta bort", "Delete";
    NoInitiativeSelected => "Välj en insats i tabellen för att redigera den.", "Select an initiative in the table to edit it.";
    // Initiative editor.
    Basics => "Grunduppgifter", "Basics";
    Ended => "Avbröts år", "Ended in year";
    Note => "Anteckning", "Note";
    Costs => "Kostnader", "Costs";
    CostYear => "År", "Year";
    CostFund => "Från fonden", "From the fund";
    CostOwn => "Egen budget", "Own budget";
    CostKind => "Slag", "Kind";
    AddCostRow => "Lägg till kostnadsrad", "Add cost row";
    Savings => "Förväntade besparingar", "Expected savings";
    Actor => "Aktör", "Actor";
    From => "Från år", "From year";
    To => "Till år", "To year";
    AmountPerYear => "Belopp per år", "Amount per year";
    Cashable => "Kontant", "Cashable";
    CashableHelp => "Besparingen frigör pengar i budgeten och kan återföras.", "The saving frees budget money and can be repaid.";
    AddSavingsRow => "Lägg till besparingsrad", "Add savings row";
    RepaymentAgreement => "Återföring", "Repayment agreement";
    RepaymentKind => "Avtal", "Agreement";
    Grant => "Bidrag (ingen återföring)", "Grant (no repayment)";
    Fixed => "Fast belopp", "Fixed amount";
    FromSavings => "Ur besparingarna", "From savings";
    ShareOfFundCost => "Andel, % av fondens kostnad", "Share, % of the fund's cost";
    ShareOfCashSavings => "Andel, % av kontanta besparingar", "Share, % of cashable savings";
    StartYear => "Första år", "Start year";
    Instalments => "Antal delbetalningar", "Instalments";
    Cap => "Tak (% av fondens kostnad)", "Cap (% of the fund cost)";
    Payers => "Betalare", "Payers";
    Weight => "Vikt (%)", "Weight (%)";
    AddPayer => "Lägg till betalare", "Add payer";
    SchedulePreview => "Återföringsplan", "Repayment schedule";
    Outstanding => "Återstår efter perioden", "Outstanding after the horizon";
    NoRepayments => "Inga återföringar planerade.", "No repayments planned.";
    Total => "Summa", "Total";
    Appraisal => "Samhällsekonomisk bedömning", "Appraisal";
    TotalCost => "Kostnad (fond och egen)", "Cost (fund and own)";
    CashableSavings => "Varav kontanta besparingar", "Of which cashable savings";
    Bcr => "Nytta/kostnad", "Benefit/cost";
    NoPayback => "inom perioden: nej", "within the horizon: no";
    // The adjusted appraisal (SPEC §4.7).
    Adjustments => "Justeringar", "Adjustments";
    AdjustmentsNone => "inga", "none";
    Deadweight => "Dödvikt (%)", "Deadweight (%)";
    DeadweightHelp => "Den del av effekten som hade uppstått ändå, utan insatsen.", "The part of the outcome that would have happened anyway, without the initiative.";
    Attribution => "Tillskrivning (%)", "Attribution (%)";
    AttributionHelp => "Den del av effekten som beror på andras insatser.", "The part of the outcome that is due to others.";
    DropOff => "Avtagande effekt (%/år)", "Drop-off (%/year)";
    DropOffHelp => "Hur mycket effekten minskar varje år efter det första.", "How much the effect fades each year after the first.";
    OptimismBias => "Optimismjustering (%)", "Optimism bias (%)";
    OptimismBiasHelp => "Avdrag för att besparingsprognoser brukar vara för optimistiska.", "A deduction because savings forecasts tend to be optimistic.";
    RangeLow => "Lågt (%)", "Low (%)";
    RangeLowHelp => "Låg ände av intervallet, i procent av det justerade beloppet (0–100).", "The low end of the range, percent of the adjusted amount (0–100).";
    RangeHigh => "Högt (%)", "High (%)";
    RangeHighHelp => "Hög ände av intervallet, i procent av det justerade beloppet (100–300).", "The high end of the range, percent of the adjusted amount (100–300).";
    AdjustedAppraisal => "Justerad bedömning", "Adjusted appraisal";
    Gross => "Brutto", "Gross";
    Adjusted => "Justerat", "Adjusted";
    NpvRange => "Nuvärde, lågt–högt", "NPV, low–high";
    DiscountedPayback => "Återbetalningsår, diskonterat", "Payback year, discounted";
    SwitchingSavings => "Brytpunkt: besparingarna får falla till", "Switching value: savings may fall to";
    SwitchingDelay => "Brytpunkt: försening som gör nuvärdet negativt", "Switching value: delay that makes the NPV negative";
    AlreadyNegative => "redan negativt", "already negative";
    NoDelayFails => "ingen inom 20 år", "none within 20 years";
    Coverage => "Täcker de justerade kontanta besparingarna återföringen?", "Do the adjusted cashable savings cover the repayment?";
    Covered => "Täckt", "Covered";
    Shortfall => "Brist", "Shortfall";
    ShortfallWarning => "Nämndens justerade kontanta besparingar räcker inte till återföringen; bristen får tas ur nämndens övriga budget. Se över återföringsavtalet ovan.", "The committee's adjusted cashable savings do not cover the repayment; the shortfall must come from the rest of its budget. Review the repayment agreement above.";
    Tornado => "Känslighet per besparingsrad (nuvärde med raden på lågt och högt)", "Sensitivity per savings row (NPV with the row at low and high)";
    AdjustedNpv => "Justerat nuvärde", "Adjusted NPV";
    AppraisalSettingsHelp => "Används bara i den justerade bedömningen; återföringsavtal, fondredovisning och bokföring använder bruttobeloppen.", "Used only in the adjusted appraisal; repayment agreements, the statement and the ledger use the gross figures.";
    CostOptimismBias => "Optimismjustering av kostnader (%)", "Optimism bias on costs (%)";
    DiscountBands => "Diskonteringsintervall (år räknat från första året; före det första gäller fondens ränta)", "Discount bands (years counted from the first year; the fund's rate applies before the first band)";
    BandFromYear => "Från år", "From year";
    AddBand => "Lägg till intervall", "Add band";
    RemoveBand => "Ta bort intervall", "Remove band";
    GreenBookBands => "Green Book: 3,5 % år 0–30, 3,0 % från år 31", "Green Book: 3.5 % years 0–30, 3.0 % from year 31";
    GreenBookHelp => "HM Treasury's Green Book: 3,5 % de första 30 åren, sedan 3,0 %.", "HM Treasury's Green Book: 3.5 % for the first 30 years, then 3.0 %.";
    AdjustedNpvRange => "Justerat nuvärde (lågt – högt)", "Adjusted NPV (low – high)";
    PreviewBlocked => "Förhandsvisningen visas när insatsens fel är rättade.", "The preview appears when the initiative's errors are fixed.";
    IssuesHere => "Problem i den här insatsen", "Problems in this initiative";
    RemoveCostRow => "Ta bort kostnadsrad", "Remove cost row";
    RemoveSavingsRow => "Ta bort besparingsrad", "Remove savings row";
    RemovePayer => "Ta bort betalare", "Remove payer";
    RemoveActor => "Ta bort aktör", "Remove actor";
    RemoveCapital => "Ta bort kapitalhändelse", "Remove capital event";
    Planned => "Planerat", "Planned";
    // Statuses and kinds.
    Proposed => "Föreslagen", "Proposed";
    Approved => "Beslutad", "Approved";
    Completed => "Avslutad", "Completed";
    Terminated => "Avbruten", "Terminated";
    Staff => "Personal", "Staff";
    Services => "Tjänster", "Services";
    Other => "Övrigt", "Other";
    Committee => "Nämnd", "Committee";
    External => "Extern part", "External party";
    Earmark => "Öronmärkning", "Earmark";
    Release => "Återföring till fritt eget kapital", "Release to free equity";
    EarmarkedEquity => "Öronmärkt eget kapital", "Earmarked equity";
    AnnualAppropriation => "Årligt anslag", "Annual appropriation";
    // Settings.
    FundSection => "Fonden", "The fund";
    FundName => "Fondens namn", "Fund name";
    Organisation => "Organisation", "Organisation";
    OrgNumber => "Organisationsnummer", "Organisation number";
    FundingModel => "Finansieringsmodell", "Funding model";
    FirstYear => "Första år", "First year";
    Years => "Antal år", "Number of years";
    DiscountRate => "Diskonteringsränta (%)", "Discount rate (%)";
    BandRate => "Ränta i perioden (%)", "Rate in the band (%)";
    Holder => "Förvaltare", "Holder";
    ClosedThrough => "Stängda år till och med", "Closed through year";
    Actors => "Aktörer", "Actors";
    Kind => "Slag", "Kind";
    AddActor => "Lägg till aktör", "Add actor";
    ActorInUse => "Aktören används och kan inte tas bort.", "The actor is in use and cannot be removed.";
    CapitalEvents => "Kapital", "Capital";
    Date => "Datum", "Date";
    Amount => "Belopp", "Amount";
    AddCapital => "Lägg till kapitalhändelse", "Add capital event";
    BudgetInputs => "Budgetunderlag per år", "Budget inputs per year";
    ResultBeforeFund => "Resultat före fonden", "Result before the fund";
    RealisationGains => "Realisationsvinster", "Realisation gains";
    Scenarios => "Scenarier", "Scenarios";
    ScenarioName => "Namn", "Name";
    SavingsFactor => "Besparingar (%)", "Savings (%)";
    CostFactor => "Kostnader (%)", "Costs (%)";
    Delay => "Förskjutning (år)", "Delay (years)";
    AddScenario => "Lägg till scenario", "Add scenario";
    RemoveScenario => "Ta bort scenario", "Remove scenario";
    Accounts => "Konton", "Accounts";
    AccountsNote => "Kontonumren är platshållare; stäm av dem mot organisationens kontoplan (Kommun-Bas).", "The account numbers are placeholders; check them against the organisation's chart of accounts (Kommun-Bas).";
    AccFundEquity => "Öronmärkt eget kapital", "Earmarked equity";
    AccFreeEquity => "Fritt eget kapital", "Free equity";
    OlderFormatTitle => "Filen är från en äldre Sif", "The file is from an older Sif";
    OlderFormatText => "Filen skrevs av en äldre version av Sif (filformat 1). Den har öppnats med samma siffror som förut och sparas i filformat 2 nästa gång du sparar. Fältet för bankkonto används inte längre: fondens bokföring bokar aldrig banken.", "The file was written by an older version of Sif (file format 1). It has been opened with the same figures as before and will be saved in file format 2 the next time you save. The bank account field is no longer used: the fund's ledger never books the bank.";
    VoucherSeries => "Verifikationsserie", "Voucher series";
    NotAVoucherSeries => "en verifikationsserie får inte vara tom eller innehålla mellanslag eller citattecken", "a voucher series must not be empty or contain spaces or quotes";
    AccInternalIncome => "Interna intäkter", "Internal income";
    AccInternalCost => "Interna kostnader", "Internal costs";
    AccStaff => "Personalkostnader", "Staff costs";
    AccServices => "Köpta tjänster", "Purchased services";
    AccOther => "Övriga kostnader", "Other costs";
    // Problems.
    NoProblems => "Inga fel och inga varningar.", "No errors and no warnings.";
    Error => "Fel", "Error";
    Warning => "Varning", "Warning";
    GoToIt => "Gå dit", "Go there";
    Where => "Var", "Where";
    Problem => "Problem", "Problem";
    IssueKind => "Typ", "Type";
    InitiativeOne => "Insats", "Initiative";
    // The views' own texts (views/*.rs), each view under a comment with its name.
    // Overview.
    MillionKronorUnit => "mnkr", "SEK m";
    // Initiatives.
    FundHasNoInitiativesYet => "Fonden har inga insatser än. Lägg till den första med knappen Ny insats ovanför tabellen.", "The fund has no initiatives yet. Add the first with the New initiative button above the table.";
    DeleteInitiative => "Ta bort insatsen?", "Delete the initiative?";
    DeleteAnyway => "Ta bort ändå", "Delete anyway";
    ShowsOnlyInitiativesWhoseCode => "Visar bara insatserna vars kod, namn eller ägare innehåller texten.", "Shows only the initiatives whose code, name or owner contains the text.";
    CopySuffix => "kopia", "copy";
    ReadInitiativesFilledTemplateXlsx => "Läs in insatser ur en ifylld mall (.xlsx eller .csv): först en förhandsvisning, sedan Använd.", "Read initiatives from a filled-in template (.xlsx or .csv): a preview first, then Apply.";
    NoErrorsWarningsInitiative => "Inga fel eller varningar för insatsen.", "No errors or warnings for this initiative.";
    MarkedTheirRowsListedBelow => "markerade vid raderna och listade under redigeringen", "marked at their rows and listed below the editor";
    KronorUnit => "kr", "SEK";
    IniYears => "år", "years";
    RowWord => "rad", "row";
    // Fund settings.
    FundSettingsNotShownPresentation => "Fondinställningarna visas inte i presentationsläget (F5 avslutar det).", "The fund settings are not shown in presentation mode (F5 leaves it).";
    NewCommittee => "Ny nämnd", "New committee";
    // Problems.
    EarlierDeficitRow => "underskott från tidigare år, rad", "earlier deficit, row";
    ProbAppraisal => "samhällsekonomisk bedömning", "appraisal";
    ProbAccounts => "konton", "accounts";
    ProbYear => "år", "year";
    ProbAmount => "belopp", "amount";
    FromTheFund => "från fonden", "from the fund";
    OwnBudget => "egen budget", "own budget";
    ProbActor => "aktör", "actor";
    ProbFromYear => "från år", "from year";
    ProbToYear => "till år", "to year";
    ProbCode => "kod", "code";
    ProbName => "namn", "name";
    ProbOwner => "ägare", "owner";
    EndYear => "slutår", "end year";
    Repayment => "återföring", "repayment";
    Share => "andel", "share";
    ProbStartYear => "startår", "start year";
    ProbCap => "tak", "cap";
    ProbInstalments => "delbetalningar", "instalments";
    ProbWeight => "vikt", "weight";
    ProbDate => "datum", "date";
    ProbDeadweight => "dödvikt", "deadweight";
    ProbAttribution => "tillskrivning", "attribution";
    ProbDropOff => "avtagande effekt", "drop-off";
    ProbOptimismBias => "optimismjustering", "optimism bias";
    Low => "lågt", "low";
    High => "högt", "high";
    ProbResultBeforeFund => "resultat före fonden", "result before the fund";
    ProbRealisationGains => "realisationsvinster", "realisation gains";
    ExemptionAdjustment => "undantagsmöjlighet", "exemption adjustment";
    SecuritiesAdjustment => "värdepapper", "securities adjustment";
    ReservationReserve => "reservering till resultatreserv", "reservation to the reserve";
    UseReserve => "användning av resultatreserv", "use of the reserve";
    SpecialReasons => "synnerliga skäl", "special reasons";
    JustificationSpecialReasons => "motivering för synnerliga skäl", "justification of special reasons";
    TaxRevenueGrants => "skatteintäkter och statsbidrag", "tax revenue and grants";
    ProbUnfunded => "ofinansierat", "unfunded";
    ProbUncommittedBalance => "ointecknat saldo", "uncommitted balance";
    ProbClosingBalance => "utgående saldo", "closing balance";
    ProbVoucherSeries => "verifikationsserie", "voucher series";
    BankAccount => "bankkonto", "bank account";
    ProbCostOptimismBias => "optimismjustering av kostnader", "cost optimism bias";
    Rate => "ränta", "rate";
    ProbDiscountRate => "diskonteringsränta", "discount rate";
    ProbHolder => "förvaltare", "holder";
    ProbFirstYear => "första år", "first year";
    ProbYears => "antal år", "years";
    ProbClosedThrough => "stängt till och med", "closed through";
    OrganisationNumber => "organisationsnummer", "organisation number";
    ProbOrganisation => "organisation", "organisation";
    FileFormat => "filformat", "file format";
    ProbTheInitiatives => "insatserna", "the initiatives";
    ProbSavings => "besparingar (%)", "savings (%)";
    ProbCosts => "kostnader (%)", "costs (%)";
    ProbDelay => "förskjutning", "delay";
    ProbCostRow => "kostnadsrad", "cost row";
    ProbSavingsRow => "besparingsrad", "savings row";
    ProbActualsRow => "utfall, rad", "actual figures, row";
    ProbRepaid => "återbetalning", "repayment";
    ProbPayer => "betalare", "payer";
    ProbDiscountBand => "diskonteringsperiod", "discount band";
    // Who gains.
    WholeFund => "Hela fonden", "The whole fund";
    CostsBorne => "Bär kostnader", "Costs borne";
    SavingsReceived => "Får besparingar", "Savings received";
    RepaysFund => "Återför till fonden", "Repays to the fund";
    ReceivesRepayments => "Tar emot återföringar", "Receives repayments";
    Net => "Netto", "Net";
    WhoPaysWhoGains => "Vem betalar, vem vinner?", "Who pays, who gains?";
    SocialInvestmentOftenPaidOne => "En social investering betalas ofta av en nämnd medan besparingen hamnar hos en annan – eller hos regionen eller staten (”fel ficka”). Här syns, summerat över hela perioden, vem som bär kostnaderna, vem som får besparingarna och vem som betalar tillbaka till fonden.", "A social investment is often paid for by one committee while the saving lands with another – or with the region or the state (the “wrong pocket”). Here, summed over the whole horizon, is who bears the costs, who receives the savings and who pays back to the fund.";
    FiguresFor => "Siffror för", "Figures for";
    AdjustedPresentValue => "Justerat, nuvärde", "Adjusted, present value";
    PerActorWholeHorizon => "Per aktör, hela perioden", "Per actor, the whole horizon";
    MoneyOutPerActor => "Pengar in och ut per aktör", "Money in and out per actor";
    PerActorAdjustedDiscountedNet => "Per aktör, justerat och diskonterat (nettoeffekt på budgeten i nuvärde)", "Per actor, adjusted and discounted (net present budget impact)";
    SavingsAfterDeadweightAttributionDrop => "Besparingarna efter dödvikt, tillskrivning, avtagande effekt och optimismjustering, kostnaderna med optimismjustering; nuvärdet är besparingar minus kostnader, diskonterat.", "Savings after deadweight, attribution, drop-off and optimism bias, costs with optimism bias; the present value is savings less costs, discounted.";
    PresentValue => "Nuvärde", "Present value";
    WgCostsBorne => "Bär\nkostnader", "Costs\nborne";
    WgSavingsReceived => "Får\nbesparingar", "Savings\nreceived";
    WgRepaysFund => "Återför\ntill fonden", "Repays\nto the fund";
    WgReceivesRepayments => "Tar emot\nåterföringar", "Receives\nrepayments";
    WgExternal => "extern", "external";
    WgFund => "fonden", "the fund";
    UnderAnnualAppropriationRepaymentsGo => "Med årligt anslag går återföringarna till den allmänna budgeten; de visas här på förvaltarens rad.", "Under annual appropriation, repayments go to the general budget; they are shown here on the holder's row.";
    ExternalPartiesRegionStateCannot => "Externa parter (region, stat) kan inte återföra något till fonden.", "External parties (region, state) cannot repay anything to the fund.";
    BarsUpMoneyActorGets => "Staplar uppåt: pengar som aktören får (besparingar, mottagna återföringar). Staplar nedåt: pengar som aktören lägger ut (kostnader, återföringar). Romben är nettot.", "Bars up: money the actor gets (savings, repayments received). Bars down: money the actor pays out (costs, repayments). The diamond is the net.";
    FundsEffectBalancedBudgetResult => "Fondens påverkan på balanskravsresultatet, hela perioden", "The fund's effect on the balanced-budget result, the whole horizon";
    UnderCurrentLawFundsDisbursements => "Enligt gällande lag sänker fondens utbetalningar balanskravsresultatet som vilken kostnad som helst, och återföringarna höjer det. Enligt förslaget bär det öronmärkta kapitalet utbetalningarna och återföringarna öronmärks på nytt.", "Under current law the fund's disbursements lower the balanced-budget result like any cost, and repayments raise it. Under the proposal the earmarked equity carries the disbursements and repayments are earmarked again.";
    // Scenarios.
    ExerciseNotSaved => "Övning (ej sparad)", "Exercise (not saved)";
    ScenariosCompared => "Scenarier jämförda", "Scenarios compared";
    FundComputedUnderBaseScenario => "Fonden räknad med grundscenariot och med vart och ett av fondens scenarier. Ett scenario räknar om planens besparingar och kostnader med en procentsats och kan skjuta besparingarna några år framåt; utfall för stängda år räknas aldrig om.", "The fund computed under the base scenario and under each of the fund's scenarios. A scenario scales the plan's savings and costs by a percentage and can move the savings some years later; actual figures for closed years are never scaled.";
    ProposedInitiativesCounted => "Föreslagna insatser räknas med.", "Proposed initiatives are counted.";
    OutstandingRepaymentUnderAgreementsNot => "Återstår efter perioden: återföring enligt avtalen som inte hinner betalas inom perioden. Nuvärdet är summan av nuvärdena för de insatser som räknas. Förslaget är Sifs tolkning av ESO 2020:1, inte gällande rätt.", "Outstanding: repayment under the agreements that is not reached within the horizon. The NPV is the sum of the net present values of the counted initiatives. The proposal is Sif's reading of ESO 2020:1, not law.";
    NPVTotal => "Nuvärde, summa", "NPV, total";
    YearsNegativeBalancedBudgetResult => "År med negativt balanskravsresultat", "Years with a negative balanced-budget result";
    EditScenarios => "Redigera scenarierna", "Edit the scenarios";
    NewScenario => "Nytt scenario", "New scenario";
    // Repayments.
    Actual => "Utfall", "Actual";
    Arrears => "Eftersläpning", "Arrears";
    RepClosingBalance => "Utgående saldo", "Closing balance";
    AllPayers => "Alla betalare", "All payers";
    RepTotal => "summa", "total";
    ActualFund => "Utfall från fonden", "Actual from the fund";
    ClosedYears => "Stängda år", "Closed years";
    NoYearClosed => "Inga år är stängda", "No year is closed";
    ExportRepaymentScheduleCSV => "Exportera återföringsplanen (CSV)…", "Export the repayment schedule (CSV)…";
    ChosenInitiativesRepaymentsYearYear => "De valda insatsernas återföringar år för år, med utfall och eftersläpning, för kalkylprogram (semikolon, svensk teckenkodning).", "The chosen initiatives' repayments year by year, with actual figures and arrears, for spreadsheets (comma separated).";
    ReadClosedYearsActualFigures => "Läs ett stängt års utfall per insats ur ekonomisystemets SIE 4-fil (4E eller 4I): först en förhandsvisning, sedan Använd.", "Read a closed year's actual figures per initiative from the financial system's SIE 4 file (4E or 4I): a preview first, then Apply.";
    CloseYearEnterActualFigures => "Stäng året för att föra in utfall: därefter räknar Sif med utfall i stället för plan för året.", "Close the year to enter actual figures: Sif then uses actual figures instead of the plan for the year.";
    EveryYearHorizonClosed => "Alla år i perioden är stängda", "Every year of the horizon is closed";
    Payer => "Betalare", "Payer";
    CodeName => "kod eller namn", "code or name";
    RepShowsOnlyInitiativesWhoseCode => "Visar bara insatserna vars kod eller namn innehåller texten.", "Shows only the initiatives whose code or name contains the text.";
    OnlyArrears => "Bara eftersläpning", "Only arrears";
    WholeHorizon => "hela perioden", "whole horizon";
    PlannedWholeHorizonActualArrears => "Planerat: hela perioden. Utfall och eftersläpning: de stängda åren.", "Planned: the whole horizon. Actual and arrears: the closed years.";
    ClosedActual => "stängt: utfall", "closed: actual";
    Plan => "plan", "plan";
    FundStatementWholeFundWhatever => "Fondredovisningen för hela fonden, oavsett filter.", "The fund statement of the whole fund, whatever the filter.";
    PlannedRepaymentsOverWholeHorizon => "Planerade återföringar under hela perioden", "Planned repayments over the whole horizon";
    ActuallyRepaidClosedYears => "Faktiskt återfört under de stängda åren", "Actually repaid in the closed years";
    PlannedLessActualClosedYears => "Planerat minus utfall under de stängda åren", "Planned less actual in the closed years";
    AfterHorizon => "Efter perioden", "After horizon";
    WhatNotRepaidWithinHorizon => "Det som inte hinner återföras inom perioden", "What is not repaid within the horizon";
    SelectInitiativeListSeeEnter => "Välj en insats i listan för att se och föra in dess utfall.", "Select an initiative in the list to see and enter its actual figures.";
    InitiativeDoesNotCountProposed => "Insatsen räknas inte med (föreslagen). Slå på ”Räkna med föreslagna insatser” för att se den.", "The initiative does not count (proposed). Turn on “Include proposed initiatives” to see it.";
    NoYearClosedYetActual => "Inga år är stängda ännu. Utfall förs in för stängda år: stäng ett år med knappen ovan, så kan du sedan föra in vad fonden betalade ut och vad nämnderna återförde.", "No year is closed yet. Actual figures are entered for closed years: close a year with the button above, then enter what the fund paid out and what the committees repaid.";
    ActualFiguresFor => "Utfall för år", "Actual figures for";
    PaidOutFund => "Utbetalt från fonden", "Paid out by the fund";
    RepaidBy => "Återfört från", "Repaid by";
    NoRepaymentPlannedInitiative => "Ingen återföring är planerad för insatsen.", "No repayment is planned for the initiative.";
    InitiativesArrearsAllClosedYears => "Eftersläpning för insatsen, alla stängda år", "The initiative's arrears, all closed years";
    StillDueAfterHorizon => "Återstår efter perioden", "Still due after the horizon";
    ClosedYearWithoutRecordedFigures => "Ett stängt år utan inlagt utfall räknas som 0 kr. Varje ändring går att ångra.", "A closed year without recorded figures counts as 0. Every change can be undone.";
    PlanNow => "Plan nu", "Plan now";
    AfterClosing => "Efter stängning", "After closing";
    RepaidFund => "Återfört till fonden", "Repaid to the fund";
    FundBalanceYearEnd => "Fondens saldo vid årets slut", "Fund balance at year end";
    RepPlanNow => "plan nu", "plan now";
    RepAfterClosing => "efter stängning", "after closing";
    ClosingCanUndoneEditUndo => "Stängningen går att ångra (Redigera, Ångra).", "Closing can be undone (Edit, Undo).";
    // Balanced budget.
    ResultBeforeFundsDisbursements => "Resultat före fondens utbetalningar", "Result before the fund's disbursements";
    FundsDisbursements => "− Fondens utbetalningar", "− The fund's disbursements";
    ResultYear => "= Årets resultat", "= Result for the year";
    AllRealisationGains => "− Samtliga realisationsvinster", "− All realisation gains";
    CertainRealisationGainsLossesUnder => "± Vissa realisationsvinster/-förluster enligt undantagsmöjlighet", "± Certain realisation gains/losses under the exemption";
    UnrealisedLossesReversalsSecurities => "± Orealiserade förluster/återföring i värdepapper", "± Unrealised losses/reversals in securities";
    ResultAfterBalancedBudgetAdjustments => "= Årets resultat efter balanskravsjusteringar", "= Result after balanced-budget adjustments";
    ReservationResultReserve => "− Reservering till resultatreserv", "− Reservation to the result reserve";
    UseResultReserve => "+ Användning av resultatreserv", "+ Use of the result reserve";
    SpecialReasonsAmountDecided => "Synnerliga skäl (beslutat belopp)", "Special reasons (amount decided)";
    TaxRevenueStateGrantsEqualisation => "Skatteintäkter, statsbidrag och utjämning", "Tax revenue, state grants and equalisation";
    BudSpecialReasons => "+ Synnerliga skäl", "+ Special reasons";
    BalancedBudgetResultYear => "= Årets balanskravsresultat", "= Balanced-budget result for the year";
    RestoreBy => "Återställ senast", "Restore by";
    BalancedBudgetDeficitsEarlierYears => "Balanskravsunderskott från tidigare år", "Balanced-budget deficits from earlier years";
    RestoredHeader => "Återställt", "Restored";
    StillRestore => "Kvar att återställa", "Still to restore";
    WhichOverdueMoreThanThree => "varav försenat (mer än tre år)", "of which overdue (more than three years)";
    SocialInvestmentFundUsedRe => "± Social investeringsfond: använd (+) / återförd (−)", "± Social investment fund: used (+) / re-earmarked (−)";
    CurrentLaw => "gällande rätt", "current law";
    Proposal => "förslag", "proposal";
    OrganisationsResultYearWITHOUTFunds => "Kommunens resultat för året UTAN fondens utbetalningar: budgeterat för öppna år, redovisat för stängda. Skriv in det här; ett år utan siffra räknas som 0. Besparingar som gör återföringar möjliga finns redan i detta resultat.", "The organisation's result for the year WITHOUT the fund's disbursements: budgeted for open years, reported for closed ones. Type it in here; a year without a figure counts as 0. Savings that make repayments possible are already in this result.";
    WhatFundPaysOutInitiatives => "Det fonden betalar ut till insatserna. Pengarna går till verksamhet, så de är kostnader som sänker resultatet. Återföringar till fonden är interna ramminskningar som tar ut varandra och ändrar inte resultatet.", "What the fund pays out to the initiatives. The money is spent on activity, so it is a cost that lowers the result. Repayments to the fund are internal frame cuts that cancel out and do not change the result.";
    ResultBeforeFundLessFunds => "Resultatet före fonden minus fondens utbetalningar.", "The result before the fund less the fund's disbursements.";
    GainsSellingFixedAssetsMay => "Vinster när anläggningstillgångar säljs får inte räknas in i balanskravsresultatet och dras av (belopp >= 0).", "Gains on selling fixed assets may not count in the balanced-budget result and are taken out (amount >= 0).";
    RealisationGainsLossesExemptionAllows => "Realisationsvinster eller -förluster som enligt undantagsmöjligheten får räknas med (±).", "Realisation gains or losses that the exemption allows to count (±).";
    UnrealisedLossesSecuritiesTheirReversal => "Orealiserade förluster i värdepapper (−) och återföring av sådana förluster (+).", "Unrealised losses in securities (−) and their reversal (+).";
    BudResultAfterBalancedBudgetAdjustments => "Årets resultat efter balanskravsjusteringarna ovan.", "The result after the balanced-budget adjustments above.";
    ReservationResultEqualisationReserveRUR => "Reservering till resultatutjämningsreserven (RUR): bara ur den del av resultatet som överstiger 1 % (2 % vid negativt eget kapital inklusive pensionsförpliktelser) av skatteintäkter och statsbidrag.", "Reservation to the result equalisation reserve (RUR): only out of the part of the result above 1 % (2 % when equity including pension commitments is negative) of tax revenue and state grants.";
    UseResultEqualisationReserveMay => "Disponering från resultatutjämningsreserven; får bara täcka ett underskott.", "Use of the result equalisation reserve; it may only cover a deficit.";
    SpecialReasonsNotRestoreDeficit => "Synnerliga skäl att inte återställa ett underskott (KL 11 kap. 13 §). Beslutet måste anges i motiveringen nedan. Bara den del som täcker ett underskott räknas.", "Special reasons not to restore a deficit (KL ch. 11 § 13). The decision must be given in the note below. Only the part that covers a deficit counts.";
    TaxRevenueGeneralStateGrants => "Skatteintäkter, generella statsbidrag och utjämning: används bara för att pröva reserveringen till resultatreserven (0 = inte angivet).", "Tax revenue, general state grants and equalisation: used only to check the reservation to the result reserve (0 = not given).";
    PartSpecialReasonsCoversYears => "Den del av de synnerliga skälen som täcker årets underskott.", "The part of the special reasons that covers the year's deficit.";
    CurrentLawResultAfterAdjustments => "Gällande rätt: resultatet efter justeringar och reserver, plus synnerliga skäl. Det öronmärkta kapitalet hjälper inte: fondens utbetalningar sänker balanskravsresultatet som vilken kostnad som helst. Ett negativt resultat ska återställas inom tre år (KL 11 kap. 12 §).", "Current law: the result after adjustments and reserves, plus special reasons. The earmarked capital does not help: the fund's disbursements lower the balanced-budget result like any cost. A negative result must be restored within three years (KL ch. 11 § 12).";
    ProposalResultHelp => "Förslaget (Sifs tolkning av ESO 2020:1, inte gällande rätt): som gällande rätt, plus fondens egen rad.", "The proposal (Sif's reading of ESO 2020:1, not law): as current law, plus the fund's own line.";
    NegativeBalancedBudgetResultMust => "Ett negativt balanskravsresultat ska återställas senast det tredje året efter (KL 11 kap. 12 §).", "A negative balanced-budget result must be restored by the third year after (KL ch. 11 § 12).";
    DeficitsStillRestoreStartYear => "Underskott som var kvar att återställa vid årets början, äldst först.", "Deficits still to restore at the start of the year, oldest first.";
    PositiveBalancedBudgetResultRestores => "Ett positivt balanskravsresultat återställer de äldsta underskotten först.", "A positive balanced-budget result restores the oldest deficits first.";
    DeficitsStillRestoreEndYear => "Underskott kvar att återställa vid årets slut.", "Deficits still to restore at the end of the year.";
    DeficitsNotRestoredWithinThree => "Underskott som inte återställts inom de tre följande åren.", "Deficits not restored within the three following years.";
    ProposalFundAsReserve => "Förslaget (Sifs tolkning av ESO 2020:1, inte gällande rätt): fonden behandlas som en reserv. Det fonden använder (minus det som återförs) får täcka ett underskott (+); ett överskott av återföringar avsätts bara ur ett överskott (−).", "The proposal (Sif's reading of ESO 2020:1, not law): the fund is treated as a reserve. What the fund uses (less what is repaid) may cover a deficit (+); repayments beyond that are set aside only out of a surplus (−).";
    ProposalEarmarkedOnly => "Förslaget (Sifs tolkning av ESO 2020:1, inte gällande rätt) gäller fonder med öronmärkt eget kapital. Den här fonden är ett årligt anslag, så raden är 0.", "The proposal (Sif's reading of ESO 2020:1, not law) concerns funds of earmarked equity. This fund is an annual appropriation, so the line is 0.";
    ProposalHeading => "Förslag – Sifs tolkning av ESO 2020:1, inte gällande rätt", "Proposal – Sif's reading of ESO 2020:1, not law";
    UnderProposal => "enligt förslaget", "under the proposal";
    UnderCurrentLaw => "enligt gällande rätt", "under current law";
    ToBeRestoredBy => "återställs senast", "to be restored by";
    BudJustificationSpecialReasons => "Motivering för synnerliga skäl", "Justification of special reasons";
    BalancedBudgetReconciliation => "Balanskravsutredning", "Balanced-budget reconciliation";
    HowFundAffectsOrganisationsBalanced => "Hur fonden påverkar kommunens balanskravsresultat, år för år – raderna i den ordning förvaltningsberättelsen redovisar dem, enligt gällande rätt och enligt förslaget i ESO-rapporten 2020:1, sida vid sida.", "How the fund affects the organisation's balanced-budget result, year by year – the lines in the order the management report presents them, under current law and under the proposal of the ESO report 2020:1, side by side.";
    FundFileHasNoBudget => "Fondfilen har inga budgetsiffror ännu, så resultatet före fonden räknas som 0 och tabellen visar bara fondens egen påverkan. Skriv in kommunens resultat utan fondens utbetalningar på första raden.", "The fund file has no budget figures yet, so the result before the fund counts as 0 and the table shows only the fund's own effect. Type the organisation's result without the fund's disbursements on the first line.";
    BalancedBudgetResultNotNegative => "balanskravsresultatet är inte negativt något år.", "the balanced-budget result is not negative in any year.";
    AndWord => "och", "and";
    BudUnderCurrentLaw => "Enligt gällande rätt:", "Under current law:";
    CurrentLawLocalGovernmentAct => "Gällande rätt (kommunallagen)", "Current law (Local Government Act)";
    BudCurrentLaw => "Gällande rätt", "Current law";
    ProposalSifReadsESO2020 => "Förslag enligt Sifs tolkning av ESO 2020:1 (inte gällande rätt)", "Proposal as Sif reads ESO 2020:1 (not law)";
    LineHeader => "Rad", "Line";
    BudActual => "utfall", "actual";
    SpecialReasonsJustification => "Synnerliga skäl – motivering", "Special reasons – justification";
    DeficitNotRestoredSpecialReasons => "Ett underskott som inte ska återställas på grund av synnerliga skäl måste motiveras med fullmäktiges beslut (KL 11 kap. 13 §).", "A deficit not to be restored for special reasons must be justified by the council's decision (KL ch. 11 § 13).";
    JustificationMissingGiveDecisionE => "Motiveringen saknas: ange beslutet, t.ex. ”KF 2026-04-20 § 41”.", "The justification is missing: give the decision, e.g. “KF 2026-04-20 § 41”.";
    Deficit => "Underskott", "Deficit";
    BalancedBudgetDeficits => "Balanskravsunderskott", "Balanced-budget deficits";
    NoDeficitsRestore => "Inga underskott att återställa.", "No deficits to restore.";
    LeftHeader => "Kvar", "Left";
    LeftWord => "kvar", "left";
    Overdue => "försenat", "overdue";
    ToBeRestored => "ska återställas", "to be restored";
    BudStatus => "status", "status";
    YearWords => "Året i ord", "The year in words";
    YearExplain => "År att förklara", "Year to explain";
    // Ledger.
    ActualFiguresClosedYear => "Utfall (stängt år)", "Actual figures (closed year)";
    PlanOpenYear => "Plan (öppet år)", "Plan (open year)";
    ExportEllipsis => "Exportera…", "Export…";
    ExportLedgerSIECSVHledger => "Exportera bokföringen som SIE, CSV eller hledger-journal.", "Export the ledger as SIE, CSV or an hledger journal.";
    FundsOwnVouchersCapitalInternal => "Fondens egna verifikationer: kapital, internfördelning till insatserna, återföringar och, vid årets slut, ny öronmärkning av återförda medel och ianspråktagande av öronmärkt eget kapital. Löner, inköp och bank bokförs aldrig här: de finns redan i ekonomisystemet. Stängda år bokförs enligt utfall; öppna års plan lämnar Sif som budget (SIE 4E). Besparingar bokförs aldrig.", "The fund's own vouchers: capital, the internal allocation to the initiatives, repayments and, at year end, the re-earmarking of repayments and the use of earmarked equity. Wages, purchases and the bank are never booked here: the financial system holds them already. Closed years are booked from actual figures; an open year's plan leaves Sif as budget (SIE 4E). Savings are never booked.";
    YearsPlanOwnerFundsHolder => "Årets plan som ägaren och fondens förvaltare budgeterar den: internfördelning och återföringar, och ägarens kostnader per slag. Planen även för ett stängt år (budget mot utfall), fördelad lika över årets tolv månader.", "The year's plan as the owner and the fund's holder budget it: the internal allocation and repayments, and the owner's costs by kind. The plan even for a closed year (budget against outcome), spread evenly over the twelve months.";
    ShowBudget => "Visa budget för", "Show the budget of";
    NoBudgetChosenPartYear => "Ingen budget för det valda det här året.", "No budget for the chosen part this year.";
    FullYear => "Helår", "Year";
    Account => "Konto", "Account";
    CostsRepaymentsPaidPositiveDebit => "Kostnader och återföringar som betalas är positiva (debet), interna intäkter negativa (kredit).", "Costs and repayments paid are positive (debit), internal income negative (credit).";
    NoVouchersYear => "Inga verifikationer det här året.", "No vouchers this year.";
    VoucherAccount => "Verifikation / konto", "Voucher / account";
    TextAccountName => "Text / kontonamn", "Text / account name";
    DateCommittee => "Datum / ansvar", "Date / committee";
    Project => "Projekt", "Project";
    Debit => "Debet", "Debit";
    Credit => "Kredit", "Credit";
    Check => "Kontroll", "Check";
    Balances => "balanserar", "balances";
    DoesNotBalance => "balanserar inte", "does not balance";
    OutBy => "obalans", "out by";
    OpeningBalance => "Ingående balans", "Opening balance";
    LedClosingBalance => "Utgående balans", "Closing balance";
    TrialBalanceDoesNotAdd => "Råbalansen går inte ihop. Det är ett fel i Sif; rapportera det.", "The trial balance does not add up. This is a bug in Sif; please report it.";
    AnnualAppropriationFundHasNo => "Årligt anslag: fonden har inget öronmärkt eget kapital, så inget fondsaldo bokförs.", "Annual appropriation: the fund has no earmarked equity, so no fund balance is booked.";
    YearOpenVouchersPlanMarked => "Året är öppet: verifikationerna bygger på planen och är märkta (plan).", "The year is open: the vouchers are from the plan and marked (plan).";
    YearClosedVouchersActualFigures => "Året är stängt: verifikationerna bygger på utfallet.", "The year is closed: the vouchers are from the actual figures.";
    ExportLedger => "Exportera bokföringen", "Export the ledger";
    Format => "Format", "Format";
    YearEndVouchersOnlyCapital => "Endast bokslutsverifikationer (kapital, ny öronmärkning och ianspråktagande) – när ekonomisystemet redan har internfördelningen och återföringarna", "Year-end vouchers only (capital, re-earmarking and use of equity) – when the financial system already holds the internal allocations and repayments";
    YearsExport => "År att exportera", "Years to export";
    ScenarioExport => "Scenario att exportera", "Scenario to export";
    CSVDialect => "CSV-format", "CSV dialect";
    SwedishSemicolonsDecimalCommas => "Svenskt: semikolon och decimalkomma", "Swedish: semicolons and decimal commas";
    RFC4180CommasDecimalPoints => "RFC 4180: komma och decimalpunkt", "RFC 4180: commas and decimal points";
    ProposedInitiativesIncludedBarTop => "Föreslagna insatser räknas med, som i fältet överst.", "Proposed initiatives are included, as in the bar at the top.";
    ProposedInitiativesNotIncludedBar => "Föreslagna insatser räknas inte med, som i fältet överst.", "Proposed initiatives are not included, as in the bar at the top.";
    ChooseFileExport => "Välj fil och exportera…", "Choose a file and export…";
    // Export (export.rs).
    SIE4IClosedYearsVouchers => "SIE 4I – ett stängt års verifikationer för import i ekonomisystemet", "SIE 4I – a closed year's vouchers to import into the financial system";
    SIE4EOneFinancialYear => "SIE 4E – ett räkenskapsår med balanser, budget och (stängt år) verifikationer", "SIE 4E – one financial year with balances, budget and (closed year) vouchers";
    CSVOneRowPerBooking => "CSV – en rad per kontering, för kalkylprogram", "CSV – one row per booking line, for spreadsheets";
    HledgerJournalHledgerLedgerCli => "hledger-journal – för hledger och ledger-cli", "hledger journal – for hledger and ledger-cli";
    SIEImportFileSi => "SIE-importfil (.si)", "SIE import file (.si)";
    SIEExportFileSe => "SIE-exportfil (.se)", "SIE export file (.se)";
    CSVFileCsv => "CSV-fil (.csv)", "CSV file (.csv)";
    HledgerJournalJournal => "hledger-journal (.journal)", "hledger journal (.journal)";
    SIE4IHoldsVouchersOne => "SIE 4I innehåller ett stängt års verifikationer: välj ett stängt år.", "SIE 4I holds the vouchers of one closed year: choose a closed year.";
    SIE4ECoversOneFinancial => "SIE 4E gäller ett räkenskapsår: välj ett år.", "SIE 4E covers one financial year: choose a year.";
    FundHasErrorsMustFixed => "Fonden har fel som måste rättas innan något kan exporteras (se Problem).", "The fund has errors that must be fixed before anything can be exported (see Problems).";
    FileStemRepaymentSchedule => "aterforingsplan", "repayment-schedule";
    FileSuffixAllYears => "-alla-ar", "-all-years";
    FileSuffixYearEnd => "-bokslut", "-year-end";
    // (end of the views' texts)
    // Field messages.
    NotAYear => "ange ett år, till exempel 2026", "enter a year, for example 2026";
    NotANumber => "ange ett heltal", "enter a whole number";
    NotAPercent => "ange en procentsats, till exempel 3,5", "enter a percentage, for example 3.5";
    NotADate => "ange ett datum ÅÅÅÅ-MM-DD", "enter a date YYYY-MM-DD";
    NotAnAccount => "ange ett kontonummer (1000–9999)", "enter an account number (1000–9999)";
    CodeTaken => "koden finns redan", "the code is already taken";
    EmptyNotAllowed => "får inte vara tom", "must not be empty";
}

// Texts with values of the shell (lib.rs, imports, what-if, safety, dialogs, export).
/// A text in both languages, for what keeps both until it is shown (a file dialog's title).
pub fn both(key: T) -> (String, String) {
    (key.get(Lang::Sv).to_string(), key.get(Lang::En).to_string())
}

/// The user guide (docs/app.md and its Swedish version, docs/app.sv.md).
pub fn guide(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => include_str!("../../../docs/app.sv.md"),
        Lang::En => include_str!("../../../docs/app.md"),
    }
}

pub fn exported(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Sv => format!("Exporterad: {file}"),
        Lang::En => format!("Exported: {file}"),
    }
}

/// A percentage for the what-if panel: `110 %` / `110%`.
pub fn percent(lang: Lang, p: i32) -> String {
    let n = decimal(lang, f64::from(p), 0);
    match lang {
        Lang::Sv => format!("{n}\u{a0}%"),
        Lang::En => format!("{n}%"),
    }
}

/// A change in percent with its sign: `+20 %`, `0 %`, `−10 %`.
pub fn signed_percent(lang: Lang, v: i32) -> String {
    if v > 0 {
        format!("+{}", percent(lang, v))
    } else {
        percent(lang, v)
    }
}

pub fn years(lang: Lang, n: i32) -> String {
    format!(
        "{n} {}",
        lang.plural(n == 1, ["år", "år"], ["year", "years"])
    )
}

/// The added deadweight as the slider and the bar show it: `+20 %-enheter` / `+20 points`.
pub fn deadweight_points(lang: Lang, points: i32) -> String {
    match lang {
        Lang::Sv => format!("+{points}\u{a0}%-enheter"),
        Lang::En => format!("+{points} points"),
    }
}

/// The what-if bar when the assumptions are the plan's.
pub fn assumptions_are_plan(lang: Lang, plan: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "Antagandena är planens ({plan}). Dra i reglagen till höger för att se vad som händer."
        ),
        Lang::En => format!(
            "The assumptions are the plan's ({plan}). Move the sliders on the right to see what happens."
        ),
    }
}

/// The what-if bar when they are not: `assumptions` lists them as the sliders name them.
pub fn assumptions_differ(
    lang: Lang,
    plan: &str,
    assumptions: &str,
    include_proposed: bool,
) -> String {
    match (lang, include_proposed) {
        (Lang::Sv, proposed) => format!(
            "Siffrorna visar panelens antaganden – inte fondens plan ({plan}): {assumptions}{}.",
            if proposed {
                ", med föreslagna insatser"
            } else {
                ""
            }
        ),
        (Lang::En, proposed) => format!(
            "The figures show the panel's assumptions – not the fund's plan ({plan}): {assumptions}{}.",
            if proposed {
                ", with proposed initiatives"
            } else {
                ""
            }
        ),
    }
}

/// The report's scenario name for an exercise with added deadweight (`deadweight` as
/// [`deadweight_points`] gives it).
pub fn exercise_with_deadweight(lang: Lang, deadweight: &str) -> String {
    match lang {
        Lang::Sv => format!("Övning (ej sparat scenario; dödvikt {deadweight})"),
        Lang::En => format!("Exercise (not a saved scenario; deadweight {deadweight})"),
    }
}

/// The SIE import's mapping that takes the fund's payment from the internal allocation.
pub fn allocation_mapping(lang: Lang, account: impl std::fmt::Display) -> String {
    match lang {
        Lang::Sv => format!("internfördelningen (konto {account})"),
        Lang::En => format!("the internal allocation (account {account})"),
    }
}

pub fn year_not_closed(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Sv => format!(
            "{year} är inte stängt. Utfall förs in för stängda år: stäng året först, så kan utfallet sedan användas."
        ),
        Lang::En => format!(
            "{year} is not closed. Actual figures are recorded for closed years: close the year first, then the figures can be applied."
        ),
    }
}

pub fn close_year_first(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Sv => format!("Stäng år {year} först…"),
        Lang::En => format!("Close year {year} first…"),
    }
}

pub fn import_problems(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("{n} fel i filen – inget läses in förrän de är rättade:"),
        Lang::En => format!(
            "{n} {} in the file – nothing is read in until they are fixed:",
            if n == 1 { "problem" } else { "problems" }
        ),
    }
}

pub fn initiatives_to_add(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("{n} insatser läggs till som Föreslagna:"),
        Lang::En => format!(
            "{n} {} added as Proposed:",
            if n == 1 {
                "initiative is"
            } else {
                "initiatives are"
            }
        ),
    }
}

pub fn actuals_unchanged(lang: Lang, year: i32, file: &str) -> String {
    match lang {
        Lang::Sv => format!("Utfallet {year} i {file} är redan registrerat; inget ändrades"),
        Lang::En => format!("The {year} figures in {file} are already recorded; nothing changed"),
    }
}

pub fn actuals_read(lang: Lang, year: i32, n: usize, file: &str) -> String {
    match lang {
        Lang::Sv => format!("Utfallet {year} lästes in för {n} insatser från {file}"),
        Lang::En => format!("The {year} figures of {n} initiatives were read from {file}"),
    }
}

pub fn initiatives_read(lang: Lang, n: usize, file: &str) -> String {
    match lang {
        Lang::Sv => format!("{n} insatser lästes in från {file} som Föreslagna"),
        Lang::En => format!("{n} initiatives were read from {file} as Proposed"),
    }
}

/// A recovery file could not be written (`reason` in the same language).
pub fn recovery_not_written(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Sv => format!("Osparade ändringar kunde inte sparas för återställning: {reason}"),
        Lang::En => format!("Unsaved changes could not be kept for recovery: {reason}"),
    }
}

/// The recovery folder cannot be used (`reason` in the same language).
pub fn recovery_unavailable(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Sv => format!("Osparade ändringar kan inte sparas för återställning: {reason}"),
        Lang::En => format!("Unsaved changes cannot be kept for recovery: {reason}"),
    }
}

/// The changes to `file` (or a new fund, without one) were restored from a recovery file.
pub fn restored(lang: Lang, file: Option<&str>) -> String {
    match (lang, file) {
        (Lang::Sv, Some(f)) => format!("Ändringarna i {f} är återställda; de är inte sparade än."),
        (Lang::En, Some(f)) => format!("The changes to {f} are restored; they are not saved yet."),
        (_, None) => lang.t(T::RecoveredNewFund).to_string(),
    }
}

/// A recovery file could not be restored (`reason` in the same language); it stays.
pub fn recovery_kept(lang: Lang, reason: &str, file: &str) -> String {
    match lang {
        Lang::Sv => format!("{reason} Återställningsfilen finns kvar: {file}"),
        Lang::En => format!("{reason} The recovery file is kept: {file}"),
    }
}

pub fn file_removed(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "{file} har tagits bort eller flyttats sedan du öppnade den. Vill du spara den på samma plats igen?"
        ),
        Lang::En => format!(
            "{file} has been deleted or moved since you opened it. Do you want to save it in the same place again?"
        ),
    }
}

/// The file was changed by someone else and saving would overwrite it.
pub fn file_changed_on_save(lang: Lang, f: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "{f} har ändrats av ett annat program eller en annan person sedan du öppnade den. Vill du skriva över den med din version (den andra versionen sparas som {f}.bak), eller läsa in den och förlora dina osparade ändringar?"
        ),
        Lang::En => format!(
            "{f} has been changed by another program or person since you opened it. Do you want to overwrite it with your version (the other version is kept as {f}.bak), or load it and lose your unsaved changes?"
        ),
    }
}

/// The banner when the file changed outside Sif (`dirty`: there are unsaved changes).
pub fn changed_outside(lang: Lang, f: &str, dirty: bool) -> String {
    match (lang, dirty) {
        (Lang::Sv, true) => format!(
            "{f} har ändrats utanför Sif, och du har osparade ändringar. Läser du in den nya versionen försvinner dina ändringar; sparar du skriver du över den andra versionen."
        ),
        (Lang::En, true) => format!(
            "{f} has been changed outside Sif, and you have unsaved changes. Loading the new version discards your changes; saving overwrites the other version."
        ),
        (Lang::Sv, false) => format!(
            "{f} har ändrats utanför Sif (av ett annat program eller en kollega). Vill du läsa in den nya versionen?"
        ),
        (Lang::En, false) => format!(
            "{f} has been changed outside Sif (by another program or a colleague). Do you want to load the new version?"
        ),
    }
}

pub fn folder_unreadable(lang: Lang, reason: impl std::fmt::Display) -> String {
    match lang {
        Lang::Sv => format!("Mappen kan inte läsas: {reason}"),
        Lang::En => format!("The folder cannot be read: {reason}"),
    }
}

pub fn no_such_file(lang: Lang, path: impl std::fmt::Display) -> String {
    match lang {
        Lang::Sv => format!("Filen {path} finns inte."),
        Lang::En => format!("The file {path} does not exist."),
    }
}

pub fn no_such_folder(lang: Lang, path: impl std::fmt::Display) -> String {
    match lang {
        Lang::Sv => format!("Mappen {path} finns inte."),
        Lang::En => format!("The folder {path} does not exist."),
    }
}

/// The tooltip of the file dialog's name field.
pub fn file_name_help(lang: Lang, extension: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "Filens namn i mappen ovan; .{extension} läggs till om du inte skriver någon ändelse."
        ),
        Lang::En => format!(
            "The file's name in the folder above; .{extension} is added if you type no extension."
        ),
    }
}

pub fn replace_question(lang: Lang, name: &str, dir: impl std::fmt::Display) -> String {
    match lang {
        Lang::Sv => format!("{name} finns redan i {dir}. Vill du ersätta den?"),
        Lang::En => format!("{name} already exists in {dir}. Do you want to replace it?"),
    }
}
/// The part of an initiative an edit changes, for the undo label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoPart {
    /// The costs, from the first year that changed.
    Costs(Option<i32>),
    /// The savings rows, from the first year that changed.
    Savings(Option<i32>),
    /// The actual figures, of the first year that changed.
    Actuals(Option<i32>),
    Word(T),
}

/// `kostnad 2026 för P101` / `cost 2026 of P101`.
pub fn undo_initiative_part(lang: Lang, part: UndoPart, code: &str) -> String {
    let what = match (lang, part) {
        (Lang::Sv, UndoPart::Costs(Some(y))) => format!("kostnad {y}"),
        (Lang::En, UndoPart::Costs(Some(y))) => format!("cost {y}"),
        (Lang::Sv, UndoPart::Savings(Some(y))) => format!("besparing från {y}"),
        (Lang::En, UndoPart::Savings(Some(y))) => format!("saving from {y}"),
        (Lang::Sv, UndoPart::Actuals(Some(y))) => format!("utfall {y}"),
        (Lang::En, UndoPart::Actuals(Some(y))) => format!("actuals {y}"),
        (_, UndoPart::Costs(None)) => lang.t(T::UndoCosts).to_string(),
        (_, UndoPart::Savings(None)) => lang.t(T::UndoSavings).to_string(),
        (_, UndoPart::Actuals(None)) => lang.t(T::UndoActuals).to_string(),
        (_, UndoPart::Word(key)) => lang.t(key).to_string(),
    };
    match lang {
        Lang::Sv => format!("{what} för {code}"),
        Lang::En => format!("{what} of {code}"),
    }
}

pub fn undo_inserted(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Sv => format!("ny insats {code}"),
        Lang::En => format!("new initiative {code}"),
    }
}

pub fn undo_removed(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Sv => format!("borttagen insats {code}"),
        Lang::En => format!("deleted initiative {code}"),
    }
}

/// Actual figures of one year (if one changed) read in for `n` initiatives.
pub fn undo_actuals_of(lang: Lang, year: Option<i32>, n: usize) -> String {
    match (lang, year) {
        (Lang::Sv, Some(y)) => format!("utfall {y} för {n} insatser"),
        (Lang::En, Some(y)) => format!("actuals {y} of {n} initiatives"),
        (Lang::Sv, None) => format!("{n} insatser"),
        (Lang::En, None) => format!("{n} initiatives"),
    }
}

pub fn undo_imported(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("{n} inlästa insatser"),
        Lang::En => format!("{n} imported initiatives"),
    }
}

pub fn undo_removed_last(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("{n} borttagna insatser"),
        Lang::En => format!("{n} deleted initiatives"),
    }
}

/// The guide's note on its languages. Not a `T` key: the English text names the Swedish menu
/// (`Språk > Svenska`), which the table's check for untranslated English would refuse.
pub fn guide_language_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Guiden finns också på engelska: byt språk under Språk.",
        Lang::En => {
            "The guide gives the app's Swedish and English names of menus and buttons side by side; it is in Swedish too (Språk > Svenska)."
        }
    }
}

// (end of the shell's texts with values)

/// An amount without the unit, grouped the language's way (`1 234 567` / `1,234,567`).
pub fn money(lang: Lang, m: Money) -> String {
    match lang {
        Lang::Sv => money::format_sv(m),
        Lang::En => money::format_en(m),
    }
}

/// An amount with the unit (`1 234 567 kr` / `SEK 1,234,567`).
pub fn money_kr(lang: Lang, m: Money) -> String {
    match lang {
        Lang::Sv => money::format_sv_kr(m),
        Lang::En => money::format_en_kr(m),
    }
}

/// A float amount (an NPV) rounded to whole kronor, for display only.
pub fn money_f64(lang: Lang, v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    money(lang, Money(v.round() as i64))
}

/// A number with up to `decimals` decimals, the language's decimal mark and minus sign.
pub fn decimal(lang: Lang, v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    match lang {
        Lang::Sv => s.replace('.', ",").replace('-', "\u{2212}"),
        Lang::En => s,
    }
}

/// A percentage as typed in a field: `3,5` / `3.5`, without trailing zeros.
pub fn percent_value(lang: Lang, v: f64) -> String {
    let mut s = format!("{v}");
    if lang == Lang::Sv {
        s = s.replace('.', ",");
    }
    s
}

/// Parse a percentage typed with `,` or `.` as the decimal mark, with or without `%`.
pub fn parse_percent(text: &str) -> Option<f64> {
    let t = text.trim().trim_end_matches('%').trim().replace(',', ".");
    let t = t.replace('\u{2212}', "-");
    let v: f64 = t.parse().ok()?;
    v.is_finite().then_some(v)
}

/// Parse a whole number, allowing spaces and the real minus sign.
pub fn parse_int(text: &str) -> Option<i32> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    t.parse().ok()
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A `YYYY-MM-DD` date for display: ISO in Swedish (as Swedish offices write it),
/// `15 Feb 2025` in English. Text that is not a date is shown as it is.
pub fn date(lang: Lang, iso: &str) -> String {
    match (lang, sif::model::parse_date(iso)) {
        (Lang::En, Some(d)) => d.format("%-d %b %Y").to_string(),
        _ => iso.to_string(),
    }
}

/// Read a date typed as `2025-02-15` or `15 Feb 2025`; returns it as `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<String> {
    let t = text.trim();
    if sif::model::parse_date(t).is_some() {
        return Some(t.to_string());
    }
    let mut parts = t.split_whitespace();
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let day: u32 = d.trim_end_matches('.').parse().ok()?;
    let month = MONTHS_EN
        .iter()
        .position(|name| m.get(..3).is_some_and(|p| name.eq_ignore_ascii_case(p)))?
        + 1;
    let year: i32 = y.parse().ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, day)?;
    // Four-digit years only, as the file writes them.
    (0..=9999)
        .contains(&year)
        .then(|| date.format("%Y-%m-%d").to_string())
}

pub fn status(lang: Lang, s: sif::model::Status) -> &'static str {
    use sif::model::Status::*;
    lang.t(match s {
        Proposed => T::Proposed,
        Approved => T::Approved,
        Completed => T::Completed,
        Terminated => T::Terminated,
    })
}

pub fn cost_kind(lang: Lang, k: sif::model::CostKind) -> &'static str {
    use sif::model::CostKind::*;
    lang.t(match k {
        Staff => T::Staff,
        Services => T::Services,
        Other => T::Other,
    })
}

pub fn actor_kind(lang: Lang, k: sif::model::ActorKind) -> &'static str {
    use sif::model::ActorKind::*;
    lang.t(match k {
        Committee => T::Committee,
        External => T::External,
    })
}

pub fn capital_kind(lang: Lang, k: sif::model::CapitalKind) -> &'static str {
    use sif::model::CapitalKind::*;
    lang.t(match k {
        Earmark => T::Earmark,
        Release => T::Release,
    })
}

pub fn funding_model(lang: Lang, m: sif::model::FundingModel) -> &'static str {
    use sif::model::FundingModel::*;
    lang.t(match m {
        EarmarkedEquity => T::EarmarkedEquity,
        AnnualAppropriation => T::AnnualAppropriation,
    })
}

/// "3 errors, 2 warnings" and the like, for the status bar and the navigation.
pub fn problem_count(lang: Lang, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::Sv => format!(
            "{errors} fel, {warnings} {}",
            if warnings == 1 {
                "varning"
            } else {
                "varningar"
            }
        ),
        Lang::En => format!(
            "{errors} {}, {warnings} {}",
            if errors == 1 { "error" } else { "errors" },
            if warnings == 1 { "warning" } else { "warnings" }
        ),
    }
}

/// The name of a remove button of a list row: `Ta bort kostnadsrad 2`.
pub fn remove_label(lang: Lang, what: T, row: usize) -> String {
    format!("{} {}", what.get(lang), row + 1)
}

/// The label of an input for one row of a list, for screen readers and tests:
/// `Från fonden, rad 2` / `From the fund, row 2`.
pub fn row_label(lang: Lang, what: T, row: usize) -> String {
    match lang {
        Lang::Sv => format!("{}, rad {}", what.get(lang), row + 1),
        Lang::En => format!("{}, row {}", what.get(lang), row + 1),
    }
}

pub fn initiatives_shown(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Sv => format!("{shown} av {total} insatser"),
        Lang::En => format!("{shown} of {total} initiatives"),
    }
}

pub fn saved_to(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Sv => format!("Sparad: {file}"),
        Lang::En => format!("Saved: {file}"),
    }
}

pub fn deleted(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Sv => format!("{code} togs bort. Det går att ångra (Redigera, Ångra)."),
        Lang::En => format!("{code} was deleted. It can be undone (Edit, Undo)."),
    }
}

pub fn opened(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Sv => format!("Öppnad: {file}"),
        Lang::En => format!("Opened: {file}"),
    }
}

pub fn errors_in_file(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("Filen öppnades men har {n} fel. Rätta dem under Problem."),
        Lang::En => format!(
            "The file opened but has {n} {}. Fix them under Problems.",
            if n == 1 { "error" } else { "errors" }
        ),
    }
}

pub fn cannot_delete_actor(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Sv => format!("{code} används i fonden och kan inte tas bort."),
        Lang::En => format!("{code} is used in the fund and cannot be removed."),
    }
}

// Texts with values of the views (views/*.rs).
/// One year of the reconciliation, told in plain words.
pub fn budget_story(
    lang: Lang,
    model: sif::model::FundingModel,
    r: &sif::engine::ReconcileYear,
    closed: bool,
) -> Vec<String> {
    use sif::model::FundingModel::{AnnualAppropriation, EarmarkedEquity};
    let kr = |m: Money| money_kr(lang, m);
    let year = r.year;
    let (before, disbursed, repaid, result) = (
        kr(r.result_before_fund),
        kr(r.disbursed),
        kr(r.repaid),
        kr(r.result),
    );
    let closed_note = match (closed, lang) {
        (false, _) => "",
        (true, Lang::Sv) => " (stängt år, utfall)",
        (true, Lang::En) => " (closed year, actual figures)",
    };
    let adjusted = kr(r.adjusted_result);
    let adjusted = match (r.adjusted_result != r.result, lang) {
        (false, _) => String::new(),
        (true, Lang::Sv) => format!(" Efter balanskravsjusteringarna är det {adjusted}."),
        (true, Lang::En) => format!(" After the balanced-budget adjustments it is {adjusted}."),
    };
    let (reserved, used) = (kr(r.reserve_reservation), kr(r.reserve_use));
    let reserves = !r.reserve_reservation.is_zero() || !r.reserve_use.is_zero();
    let reserves = match (reserves, lang) {
        (false, _) => String::new(),
        (true, Lang::Sv) => format!(" Resultatreserven: {reserved} reserveras, {used} används."),
        (true, Lang::En) => format!(" Result reserve: {reserved} reserved, {used} used."),
    };
    let restore = |by: Option<i32>| match (lang, by) {
        (Lang::Sv, Some(by)) => format!(
            " Det är negativt och ska återställas senast {by} (kommunallagen 11 kap. 12 §)."
        ),
        (Lang::En, Some(by)) => format!(
            " It is negative and must be restored by {by} (Local Government Act, ch. 11 § 12)."
        ),
        (Lang::Sv, None) => " Det är inte negativt.".to_string(),
        (Lang::En, None) => " It is not negative.".to_string(),
    };
    let special = match lang {
        _ if r.current.special_reasons_applied.is_zero() => String::new(),
        Lang::Sv => format!(
            " Synnerliga skäl täcker {}.",
            kr(r.current.special_reasons_applied)
        ),
        Lang::En => format!(
            " Special reasons cover {}.",
            kr(r.current.special_reasons_applied)
        ),
    };
    let current = kr(r.current.balance_result);
    let current_restore = restore(r.current.restore_by);
    let p = &r.proposed;
    let (used, back, line, proposed) = (
        kr(p.fund_used),
        kr(p.fund_reearmarked),
        kr(p.fund_adjustment),
        kr(p.outcome.balance_result),
    );
    let proposed_restore = restore(p.outcome.restore_by);
    vec![
        match lang {
            Lang::Sv => format!(
                "{year}{closed_note}: Resultatet före fonden är {before}. Fonden betalar ut {disbursed}, som sänker resultatet; återföringarna ({repaid}) är interna och ändrar det inte. Årets resultat blir {result}.{adjusted}{reserves}"
            ),
            Lang::En => format!(
                "{year}{closed_note}: The result before the fund is {before}. The fund pays out {disbursed}, which lowers the result; the repayments ({repaid}) are internal and do not change it. The result for the year is {result}.{adjusted}{reserves}"
            ),
        },
        match lang {
            Lang::Sv => format!(
                "Enligt gällande rätt blir balanskravsresultatet {current}.{special}{current_restore}"
            ),
            Lang::En => format!(
                "Under current law the balanced-budget result is {current}.{special}{current_restore}"
            ),
        },
        match (lang, model) {
            (Lang::Sv, EarmarkedEquity) => format!(
                "Enligt förslaget (Sifs tolkning av ESO 2020:1, inte gällande rätt) är fonden en reserv: den använder {used} och får tillbaka {back}, och fondens rad blir {line}. Balanskravsresultatet blir då {proposed}.{proposed_restore}"
            ),
            (Lang::En, EarmarkedEquity) => format!(
                "Under the proposal (Sif's reading of ESO 2020:1, not law) the fund is a reserve: it uses {used} and gets back {back}, and the fund's line is {line}. The balanced-budget result is then {proposed}.{proposed_restore}"
            ),
            (Lang::Sv, AnnualAppropriation) => format!(
                "Fonden är ett årligt anslag utan öronmärkt eget kapital, så förslaget (Sifs tolkning av ESO 2020:1, inte gällande rätt) ändrar ingenting: balanskravsresultatet blir {proposed}.{proposed_restore}"
            ),
            (Lang::En, AnnualAppropriation) => format!(
                "The fund is an annual appropriation with no earmarked equity, so the proposal (Sif's reading of ESO 2020:1, not law) changes nothing: the balanced-budget result is {proposed}.{proposed_restore}"
            ),
        },
    ]
}

pub fn deficits_text(lang: Lang, list: &[(i32, i32)]) -> String {
    if list.is_empty() {
        return lang.t(T::BalancedBudgetResultNotNegative).to_string();
    }
    let items: Vec<String> = list
        .iter()
        .map(|(y, by)| match lang {
            Lang::Sv => format!("{y} (återställs senast {by})"),
            Lang::En => format!("{y} (to be restored by {by})"),
        })
        .collect();
    let joined = match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), lang.t(T::AndWord))
        }
        _ => items.join(""),
    };
    match lang {
        Lang::Sv => format!("balanskravsresultatet är negativt {joined}."),
        Lang::En => format!("the balanced-budget result is negative in {joined}."),
    }
}

// Balanced budget.
/// A deficit's status: restored in a year, perhaps too late.
pub fn restored_in(lang: Lang, year: i32, late: bool) -> String {
    match (lang, late) {
        (Lang::Sv, true) => format!("återställt {year}, för sent"),
        (Lang::Sv, false) => format!("återställt {year}"),
        (Lang::En, true) => format!("restored in {year}, late"),
        (Lang::En, false) => format!("restored in {year}"),
    }
}

// Ledger.
/// Whether a year's vouchers are actual figures or plan, and what that means for SIE 4I.
pub fn vouchers_basis(lang: Lang, year: i32, series: &str, actual: bool) -> String {
    match (actual, lang) {
        (true, Lang::Sv) => format!(
            "Verifikationerna {year} i serie {series} är utfall: de kan läsas in i ekonomisystemet (SIE 4I)."
        ),
        (true, Lang::En) => format!(
            "The vouchers of {year} in series {series} are actual figures: they can be imported into the financial system (SIE 4I)."
        ),
        (false, Lang::Sv) => format!(
            "Verifikationerna {year} i serie {series} är plan, märkta (plan): de visar hur året blir om planen håller och läses aldrig in som verifikationer."
        ),
        (false, Lang::En) => format!(
            "The vouchers of {year} in series {series} are plan, marked (plan): they show how the year ends if the plan holds and are never imported as vouchers."
        ),
    }
}

/// The fund balance the ledger books beside the fund statement's, which must agree.
pub fn fund_balance_check(
    lang: Lang,
    account: u32,
    year: i32,
    booked: Money,
    statement: Option<Money>,
) -> String {
    match (statement, lang) {
        (Some(s), Lang::Sv) if s == booked => format!(
            "Fondens saldo enligt bokföringen (konto {account}) vid slutet av {year}: {} – samma som i fondredovisningen.",
            money_kr(lang, booked)
        ),
        (Some(s), Lang::En) if s == booked => format!(
            "The fund balance in the ledger (account {account}) at the end of {year}: {} – the same as in the fund statement.",
            money_kr(lang, booked)
        ),
        (s, Lang::Sv) => format!(
            "Fondens saldo enligt bokföringen (konto {account}) är {}, men fondredovisningen säger {}. Det är ett fel i Sif; rapportera det.",
            money_kr(lang, booked),
            s.map_or_else(|| "–".to_string(), |s| money_kr(lang, s))
        ),
        (s, Lang::En) => format!(
            "The fund balance in the ledger (account {account}) is {}, but the fund statement says {}. This is a bug in Sif; please report it.",
            money_kr(lang, booked),
            s.map_or_else(|| "–".to_string(), |s| money_kr(lang, s))
        ),
    }
}

/// The check under the vouchers of a year: every voucher balances, or how many do not.
pub fn vouchers_check(lang: Lang, year: i32, vouchers: usize, unbalanced: usize) -> String {
    match (lang, unbalanced, vouchers) {
        (Lang::Sv, 0, 1) => {
            format!("1 verifikation {year}. Den balanserar: debet är lika med kredit.")
        }
        (Lang::En, 0, 1) => format!("1 voucher in {year}. It balances: debit equals credit."),
        (Lang::Sv, 0, n) => format!(
            "{n} verifikationer {year}. Varje verifikation balanserar: debet är lika med kredit."
        ),
        (Lang::En, 0, n) => {
            format!("{n} vouchers in {year}. Every voucher balances: debit equals credit.")
        }
        (Lang::Sv, u, n) => format!(
            "{u} av {n} verifikationer {year} balanserar inte. Det är ett fel i Sif; rapportera det."
        ),
        (Lang::En, u, n) => format!(
            "{u} of {n} vouchers in {year} do not balance. This is a bug in Sif; please report it."
        ),
    }
}

/// The trial balance's check when debit equals credit.
pub fn trial_balance_adds_up(lang: Lang, debit: Money) -> String {
    match lang {
        Lang::Sv => format!(
            "Debet och kredit är lika ({} kr), och ingående och utgående balanser summerar till noll.",
            money(lang, debit)
        ),
        Lang::En => format!(
            "Debit equals credit (SEK {}), and the opening and closing balances sum to zero.",
            money(lang, debit)
        ),
    }
}

pub fn budget_heading(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Sv => format!("Budget {year} (planen, som i SIE 4E #PBUDGET)"),
        Lang::En => format!("Budget {year} (the plan, as in SIE 4E #PBUDGET)"),
    }
}

pub fn committee_option(lang: Lang, code: &str, name: &str) -> String {
    match lang {
        Lang::Sv => format!("Nämnd/aktör {code} – {name}"),
        Lang::En => format!("Committee/actor {code} – {name}"),
    }
}

pub fn initiative_option(lang: Lang, code: &str, name: &str) -> String {
    match lang {
        Lang::Sv => format!("Insats {code} – {name}"),
        Lang::En => format!("Initiative {code} – {name}"),
    }
}

pub fn trial_balance_heading(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Sv => format!("Råbalans {year}"),
        Lang::En => format!("Trial balance {year}"),
    }
}

/// The export's choice of every year of the horizon.
pub fn every_year(lang: Lang, first: i32, last: i32) -> String {
    match lang {
        Lang::Sv => format!("Alla år ({first}–{last})"),
        Lang::En => format!("Every year ({first}–{last})"),
    }
}

/// The months' short names, as the budget table's columns show them.
pub fn month_abbreviations(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Sv => [
            "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ],
        Lang::En => MONTHS_EN,
    }
}

// Initiatives.
/// The question before an initiative with actual figures is deleted.
pub fn delete_with_actuals(lang: Lang, code: &str, years: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "{code} har utfall för {years}. Tas insatsen bort försvinner utfallet också (Ångra tar tillbaka båda)."
        ),
        Lang::En => format!(
            "{code} has actual figures for {years}. Deleting the initiative deletes them too (Undo brings both back)."
        ),
    }
}

// Repayments.
pub fn close_year_button(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Sv => format!("Stäng år {year}…"),
        Lang::En => format!("Close year {year}…"),
    }
}

/// How many initiatives the filtered list shows.
pub fn initiatives_listed(lang: Lang, shown: usize) -> String {
    match lang {
        Lang::Sv => format!("{shown} insatser"),
        Lang::En if shown == 1 => format!("{shown} initiative"),
        Lang::En => format!("{shown} initiatives"),
    }
}

/// What the chosen initiatives still owe after the horizon's last year.
pub fn still_due_after(lang: Lang, last_year: i32, outstanding: Money) -> String {
    match lang {
        Lang::Sv => format!(
            "Återstår efter perioden (efter {last_year}), de valda insatserna: {}",
            money_kr(lang, outstanding)
        ),
        Lang::En => format!(
            "Still due after the horizon (after {last_year}), the chosen initiatives: {}",
            money_kr(lang, outstanding)
        ),
    }
}

pub fn over_plan(lang: Lang, m: Money) -> String {
    match lang {
        Lang::Sv => format!("{} över plan", money(lang, m)),
        Lang::En => format!("{} over plan", money(lang, m)),
    }
}

pub fn under_plan(lang: Lang, m: Money) -> String {
    match lang {
        Lang::Sv => format!("{} under plan", money(lang, m)),
        Lang::En => format!("{} under plan", money(lang, m)),
    }
}

/// The line under the actual figures that says where they came from.
pub fn source_text(lang: Lang, year: i32, source: &str) -> String {
    match lang {
        Lang::Sv => format!("Källa för utfallet {year}: {source}"),
        Lang::En => format!("Source of the {year} figures: {source}"),
    }
}

pub fn close_year_question(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Sv => format!("Stäng år {year}?"),
        Lang::En => format!("Close year {year}?"),
    }
}

pub fn close_year_explained(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Sv => format!(
            "När {year} stängs räknar Sif med utfall i stället för plan för {year}: fondredovisningen, återföringarna, balanskravsutredningen och bokföringen visar då det som faktiskt betalades ut från fonden och återfördes till den. Efter stängningen för du in utfallet per insats här i Återföringar."
        ),
        Lang::En => format!(
            "When {year} is closed, Sif uses actual figures instead of the plan for {year}: the fund statement, the repayments, the balanced-budget reconciliation and the ledger then show what the fund actually paid out and received. After closing, you enter the actual figures per initiative here in Repayments."
        ),
    }
}

/// The close-year dialog's warning about the initiatives without actual figures.
pub fn close_year_note(lang: Lang, year: i32, with_actuals: usize) -> String {
    let zero = money_kr(lang, Money::ZERO);
    match (lang, with_actuals) {
        (Lang::Sv, 0) => format!(
            "Inget utfall är inlagt för {year} ännu. Stängs året nu räknas det som att fonden har betalat ut {zero} och fått tillbaka {zero} under {year}, tills du för in utfallet. Planerade återföringar som inte förs in som utfall visas som eftersläpning."
        ),
        (Lang::En, 0) => format!(
            "No actual figures are recorded for {year} yet. If the year is closed now, the fund counts as having paid out {zero} and received {zero} in {year} until you enter them. Planned repayments not entered as actual figures show as arrears."
        ),
        (Lang::Sv, n) => format!(
            "Utfall är inlagt för {n} insatser; övriga räknas med {zero} tills du för in deras utfall."
        ),
        (Lang::En, n) => format!(
            "Actual figures are recorded for {n} initiatives; the others count as {zero} until you enter theirs."
        ),
    }
}

pub fn actuals_from_plan(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Sv => format!(
            "Utfall = plan: fyll i {year} års utfall med planen som utgångspunkt (för insatser utan utfall), och ändra sedan det som skiljer"
        ),
        Lang::En => format!(
            "Actuals = plan: fill in {year}'s actual figures with the plan as the starting point (for initiatives without any), then change what differs"
        ),
    }
}

pub fn close_year_confirm(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Sv => format!("Stäng {year}"),
        Lang::En => format!("Close {year}"),
    }
}

// Scenarios.
/// A scenario's assumptions in one line, for the comparison's tooltip.
pub fn scenario_factors(lang: Lang, a: crate::whatif::Assumptions) -> String {
    match lang {
        Lang::Sv => format!(
            "besparingar {} %, kostnader {} %, {} år senare",
            a.savings_factor, a.cost_factor, a.delay
        ),
        Lang::En => format!(
            "savings {}%, costs {}%, {} years later",
            a.savings_factor, a.cost_factor, a.delay
        ),
    }
}

/// A field's message when the number is not a whole number in its range.
pub fn whole_number_between(lang: Lang, lo: i32, hi: i32) -> String {
    match lang {
        Lang::Sv => format!("ange ett heltal {lo}–{hi}"),
        Lang::En => format!("enter a whole number {lo}–{hi}"),
    }
}

// Who gains.
/// What the net column means, naming the fund's holder.
pub fn net_explained(lang: Lang, holder: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "Netto = besparingar − kostnader − återföringar + mottagna återföringar: vad aktören har kvar när perioden är slut. Fondens utbetalningar räknas som en kostnad för förvaltaren ({holder}), som också tar emot återföringarna. Återföringarna flyttar bara pengar mellan fickorna, så nettona blir tillsammans besparingarna minus kostnaderna. Besparingarna räknas med oavsett om de är kontanta eller inte."
        ),
        Lang::En => format!(
            "Net = savings − costs − repayments made + repayments received: what the actor is left with at the end of the horizon. The fund's disbursements count as a cost of its holder ({holder}), which also receives the repayments. Repayments only move money between pockets, so together the nets are the savings less the costs. Savings count whether cashable or not."
        ),
    }
}

// Overview.
/// The link under a shortened list of warnings.
pub fn and_more(lang: Lang, more: usize) -> String {
    match lang {
        Lang::Sv => format!("… och {more} till"),
        Lang::En => format!("… and {more} more"),
    }
}

// Export (export.rs).
pub fn sie4i_year_open(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Sv => format!(
            "SIE 4I finns bara för stängda år. År {year} är öppet: dess plan lämnar Sif som budget i en SIE 4E-fil, inte som verifikationer att läsa in."
        ),
        Lang::En => format!(
            "SIE 4I is only for closed years. {year} is open: its plan leaves Sif as budget in a SIE 4E file, not as vouchers to import."
        ),
    }
}

// (end of the views' texts with values)

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for key in T::ALL {
            assert!(!key.get(Lang::Sv).trim().is_empty(), "{key:?} sv");
            assert!(!key.get(Lang::En).trim().is_empty(), "{key:?} en");
            // Swedish letters in an English text are a copy left untranslated.
            assert!(
                !key.get(Lang::En).contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']),
                "{key:?} en"
            );
        }
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(
            money(Lang::Sv, Money(-1_234_567)),
            "\u{2212}1\u{a0}234\u{a0}567"
        );
        assert_eq!(money(Lang::En, Money(-1_234_567)), "-1,234,567");
        assert_eq!(decimal(Lang::Sv, 1.5, 2), "1,50");
        assert_eq!(years(Lang::Sv, 1), "1 år");
        assert_eq!(years(Lang::Sv, 4), "4 år");
        assert_eq!(years(Lang::En, 1), "1 year");
        assert_eq!(years(Lang::En, 4), "4 years");
        assert_eq!(date(Lang::En, "2025-02-15"), "15 Feb 2025");
        assert_eq!(date(Lang::Sv, "2025-02-15"), "2025-02-15");
        assert_eq!(parse_percent("3,5 %"), Some(3.5));
        assert_eq!(parse_date("15 Feb 2025").as_deref(), Some("2025-02-15"));
        assert_eq!(parse_date("2025-02-15").as_deref(), Some("2025-02-15"));
        assert_eq!(parse_date("31 Feb 2025"), None);
        assert_eq!(parse_int("−2"), Some(-2));
    }
}
