/**
 * Hobby, media, party, prepared-food and accessory words a general table misses → HS wording. Hand-written from
 * general retail vocabulary; same format as synonyms.ts.
 */
export const LEISURE_TABLE = `
knitting needles | crochet hook | crochet hooks => knitting needles crochet hooks
sewing kit | sewing box => sewing sets travel sets
glitter => glitter articles plastics
canvas board | art canvas => artists canvas prepared
vinyl record | vinyl records | records | lp | lps => gramophone records
cd | cds | dvd | dvds | blu ray | bluray => discs optical media recorded
mp3 player | ipod | music player => sound reproducing apparatus
record player | turntable => turntables record-decks
soundbar | sound bar | subwoofer | hifi | hi fi | stereo => loudspeakers amplifiers sound reproducing apparatus
dvd player => video recording reproducing apparatus
set top box | tv box | freeview box => reception apparatus television
satellite dish => aerials reflectors
vr headset | virtual reality headset => apparatus video display
led strip | led strips | led lights | strip lights => lamps light-emitting diode led luminaires
dimmer | light switch => switches electrical
laser pointer => lasers apparatus
label printer | receipt printer => printers
barcode scanner | card reader | card terminal | pos terminal => input output units automatic data processing
sim card | sim cards | smart card | smart cards => smart cards
wireless charger => static converters
descaler | limescale remover | drain cleaner | oven cleaner | toilet cleaner | bathroom cleaner | cleaning spray => cleaning preparations surface-active
confetti | party poppers | christmas crackers | party hats => festive carnival articles
rosary | prayer beads => articles jewellery beads
grinder | herb grinder => mills hand-operated kitchen
ashtray | ashtrays => ashtrays articles
post it notes | sticky notes => paper self-adhesive notebooks
tofu | hummus | houmous | falafel | kimchi | ready meal | ready meals | curry | stir fry => food preparations vegetables prepared preserved
dumplings | ravioli | tortellini | gnocchi => pasta stuffed
spring rolls | samosa | samosas | sushi => food preparations
protein bar | protein bars | energy bar | cereal bar | granola bar => food preparations cereals
tahini => sesame seeds prepared
jelly | custard | pudding | dessert => food preparations
marzipan | nougat | halva | halwa | turkish delight => sugar confectionery
rice cakes | crispbread => bread pastry bakers wares
wedding dress | bridal gown | ballgown | prom dress | evening dress => dresses
tutu | leotard => garments knitted
thermal underwear | thermals | long johns | boxer shorts => underpants briefs
sportswear | activewear | gym wear | running gear => track suits garments
sarong | poncho | cape | body warmer => garments
earmuffs | visor => headgear
bandana | bandanna | snood | neck warmer => shawls scarves mufflers
sweatbands | wristband | wristbands => articles textile
`;
