/**
 * Sentences the queue benchmark builds its inputs from, per input language. Each input draws a
 * different mix, so the search index holds words with very different frequencies: the English
 * word "recruitment" is in many inputs, the Arabic word "التحويلات" (remittances) in few.
 */
export const SAMPLE_TITLES: Record<string, string[]> = {
  en: [
    'Access to services for migrant workers',
    'Regular pathways for climate-displaced people',
    'Ending immigration detention of children',
    'Fair recruitment in the care sector',
    'Local inclusion plans and social cohesion',
    'Missing migrants on the central Mediterranean route',
    'Portability of pensions for seasonal workers',
    'Consular protection during crises',
  ],
  ar: [
    'حماية العمال المهاجرين في قطاع البناء',
    'الوصول إلى الخدمات الأساسية للمهاجرين',
    'إنهاء احتجاز الأطفال المهاجرين',
    'التحويلات المالية والشمول المالي للأسر',
    'مسارات نظامية للهجرة في المنطقة العربية',
    'العودة الكريمة وإعادة الإدماج',
  ],
  fr: [
    'Accès à la justice pour les travailleurs migrants',
    'Voies régulières et regroupement familial',
    "Protection des enfants migrants non accompagnés",
    'Reconnaissance des compétences et des diplômes',
  ],
  es: [
    'Regularización migratoria y acceso a derechos',
    'Protección de personas migrantes en tránsito',
    'Inclusión de la diáspora en el desarrollo local',
    'Trabajo decente para trabajadoras domésticas',
  ],
  ru: ['Защита прав трудовых мигрантов', 'Доступ мигрантов к медицинской помощи', 'Признание квалификаций мигрантов'],
  zh: ['保护移民工人的权利', '移民获得基本服务', '安全有序和正常移民的区域合作'],
};

export const SAMPLE_SENTENCES: Record<string, string[]> = {
  en: [
    'Migrant domestic workers need access to justice and to basic services without fear of being reported.',
    'Recruitment fees charged to workers must be abolished and recruitment agencies licensed and monitored.',
    'Local authorities have opened one-stop centres where newcomers receive information in their own language.',
    'Children should never be detained for reasons of their or their parents’ migration status.',
    'We recommend bilateral labour agreements that include the portability of social security entitlements.',
    'Search and rescue at sea is a legal duty and must not be criminalised.',
    'Data on missing migrants should be collected and shared with families through a single mechanism.',
    'Trade unions organised seasonal farm workers and negotiated written contracts in their languages.',
    'Gender-responsive policies must recognise the specific risks faced by women in irregular situations.',
    'Alternatives to detention, such as case management, have shown better outcomes at lower cost.',
    'The cost of sending small amounts home remains far above the target of three per cent.',
    'Skills partnerships between countries of origin and destination help recognise qualifications.',
    'Firewalls between public services and immigration enforcement let migrants report abuse safely.',
    'Climate change and disasters are already displacing people across borders in our region.',
    'Diaspora associations finance schools and clinics in their communities of origin.',
    'We call on States to ratify the conventions on migrant workers and on domestic work.',
    'Ethical recruitment standards should apply to every subcontractor in the supply chain.',
    'Consular services must reach nationals in detention and in remote work sites.',
  ],
  ar: [
    'يحتاج العمال المهاجرون إلى الوصول إلى العدالة والخدمات الأساسية دون خوف من الإبلاغ عنهم.',
    'يجب إلغاء رسوم التوظيف التي يدفعها العمال وترخيص وكالات التوظيف ومراقبتها.',
    'لا ينبغي احتجاز الأطفال أبداً بسبب وضعهم أو وضع والديهم من حيث الهجرة.',
    'ندعو إلى اتفاقيات عمل ثنائية تضمن قابلية نقل استحقاقات الضمان الاجتماعي.',
    'تُعدّ النقابات شريكاً أساسياً في حماية العمال المهاجرين في قطاع البناء.',
    'ما زالت كلفة التحويلات المالية إلى الأسر مرتفعة جداً في منطقتنا.',
    'يجب أن تراعي السياسات احتياجات النساء المهاجرات في الأوضاع غير النظامية.',
    'البحث والإنقاذ في البحر واجب قانوني ولا يجوز تجريمه.',
    'تموّل جمعيات المغتربين المدارس والعيادات في مجتمعاتها الأصلية.',
    'ينبغي جمع البيانات عن المهاجرين المفقودين وتبادلها مع أسرهم.',
    'تساعد الشراكات في مجال المهارات على الاعتراف بالمؤهلات بين البلدان.',
    'نوصي ببدائل للاحتجاز تقوم على إدارة الحالات في المجتمع المحلي.',
  ],
  fr: [
    'Les travailleurs migrants doivent avoir accès à la justice et aux services de base.',
    'Les frais de recrutement facturés aux travailleurs doivent être supprimés.',
    "Aucun enfant ne devrait être placé en rétention en raison de son statut migratoire.",
    'Les autorités locales ont ouvert des guichets uniques pour informer les nouveaux arrivants.',
    'Les associations de la diaspora financent des écoles et des centres de santé.',
    'La reconnaissance des compétences facilite l’accès à un travail décent.',
    'Le sauvetage en mer est une obligation juridique et ne doit pas être criminalisé.',
    'Les politiques doivent tenir compte des risques propres aux femmes migrantes.',
  ],
  es: [
    'Las personas migrantes deben tener acceso a la justicia y a los servicios básicos.',
    'Las comisiones de contratación cobradas a los trabajadores deben eliminarse.',
    'Ningún niño debe ser detenido por su situación migratoria o la de sus padres.',
    'Los gobiernos locales abrieron centros de atención con información en varios idiomas.',
    'Las organizaciones de la diáspora financian escuelas y clínicas en sus comunidades.',
    'La regularización permite a las trabajadoras domésticas denunciar abusos sin miedo.',
    'El costo de las remesas sigue muy por encima de la meta del tres por ciento.',
    'Las alternativas a la detención han dado mejores resultados con menor costo.',
  ],
  ru: [
    'Трудовые мигранты должны иметь доступ к правосудию и базовым услугам.',
    'Плата за трудоустройство, взимаемая с работников, должна быть отменена.',
    'Дети не должны содержаться под стражей из-за своего миграционного статуса.',
    'Профсоюзы помогают сезонным работникам заключать письменные договоры.',
    'Стоимость денежных переводов остаётся слишком высокой.',
  ],
  zh: [
    '移民工人应当能够诉诸司法并获得基本服务。',
    '应当取消向工人收取的招聘费用。',
    '任何儿童都不应因其移民身份而被拘留。',
    '地方政府设立了一站式服务中心。',
    '汇款成本仍然远高于百分之三的目标。',
  ],
};

/** Given and family names for contact names (the bench never mails anyone). */
export const SAMPLE_NAMES = {
  given: ['Amina', 'Omar', 'Layla', 'Youssef', 'María', 'José', 'Chen', 'Priya', 'Kwame', 'Fatou', 'Olena', 'Ahmed', 'Sara', 'Luis', 'Nadia'],
  family: ['Haddad', 'Mansour', 'García', 'Okafor', 'Diallo', 'Nguyen', 'Kovalenko', 'Rahman', 'Silva', 'Traoré', 'Khalil', 'Petrov'],
  organisations: [
    'Migrant Rights Network',
    'شبكة حقوق المهاجرين',
    'Association des travailleurs migrants',
    'Red de Migrantes y Diáspora',
    'Domestic Workers Union',
    'City of Rivertown',
    'Institute for Migration Studies',
    'Faith Coalition for Refugees and Migrants',
    'Youth Mobility Forum',
  ],
};
