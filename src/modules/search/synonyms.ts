import { FOOD_TABLE } from './thesaurus-food.ts';
import { LEISURE_TABLE } from './thesaurus-leisure.ts';
import { MANUFACTURES_TABLE } from './thesaurus-manufactures.ts';
import { MATERIALS_TABLE } from './thesaurus-materials.ts';
import { RETAIL_TABLE } from './thesaurus-retail.ts';
import { TECHNICAL_TABLE } from './thesaurus-technical.ts';

/**
 * Everyday words → the words the Harmonized System uses for the same goods. Shoppers say "trainers", "laptop" or
 * "sweets"; the nomenclature says "footwear", "automatic data processing machines" and "sugar confectionery".
 * Written by hand from general trade vocabulary (US/UK spellings, brand-free everyday names), never from any
 * evaluation file. One line per group: `plain words | more plain words => tariff words`.
 */
const TABLE = `
shoe | shoes | trainer | trainers | sneaker | sneakers | boot | boots | sandal | sandals | slipper | slippers | heels | flip flops | flipflops | loafers | footwear => footwear
t shirt | tshirt | tee shirt | tee => t-shirts singlets vests knitted
jumper | sweater | pullover | hoodie | sweatshirt | cardigan | fleece => jerseys pullovers sweatshirts cardigans
jacket | coat | parka | anorak | raincoat | blazer | gilet => overcoats anoraks jackets wind-cheaters
trousers | pants | jeans | leggings | shorts | chinos | joggers => trousers breeches shorts
dress | gown => dresses
skirt => skirts
blouse | shirt => shirts blouses
underwear | knickers | briefs | boxers | panties | lingerie => underpants briefs
bra | bras => brassieres
sock | socks | tights | stockings => hosiery socks stockings tights
pyjamas | pajamas | nightwear | nightie | nightdress | dressing gown | bathrobe => pyjamas nightdresses bathrobes dressing gowns
swimsuit | swimwear | bikini | swimming costume | trunks => swimwear
glove | gloves | mittens => gloves mittens mitts
hat | cap | beanie | helmet => hats headgear
scarf | scarves | shawl => shawls scarves mufflers
tie | necktie | bow tie => ties bow ties cravats
suit | tracksuit => suits ensembles track suits
baby clothes | babygrow | onesie => babies garments clothing accessories
clothes | clothing | garment | garments | apparel | wear => apparel clothing garments
belt => belts
handbag | purse | wallet | backpack | rucksack | suitcase | luggage | holdall | tote | bag => handbags wallets trunks suitcases travelling bags
umbrella | parasol => umbrellas sun umbrellas
watch | wristwatch | smartwatch => wrist-watches watches
jewellery | jewelry | necklace | bracelet | earring | earrings | pendant | brooch => jewellery imitation jewellery
ring => jewellery rings
sunglasses | spectacles | eyeglasses | reading glasses => spectacles sunglasses goggles
contact lens | contact lenses => contact lenses
phone | mobile | mobile phone | cellphone | cell phone | smartphone | iphone => telephones cellular networks
laptop | computer | pc | notebook computer | desktop | tablet computer | ipad => automatic data processing machines portable
printer => printers
monitor | screen | display => monitors display
tv | television | telly => television reception apparatus monitors
headphones | earphones | earbuds | headset => headphones earphones
speaker | speakers => loudspeakers
charger | power adapter | adaptor | power supply => static converters
power bank | rechargeable battery => accumulators electric
battery | batteries => primary cells batteries accumulators
cable | wire | wiring => insulated wire cable conductors
camera | webcam | camcorder => cameras video cameras
drone => unmanned aircraft
games console | console | playstation | xbox => video game consoles
router | modem => apparatus transmission reception data
hard drive | usb stick | memory stick | memory card | sd card | ssd | flash drive => storage units semiconductor storage devices
bulb | light bulb | led => lamps light-emitting diode
lamp | lamps | chandelier | torch | flashlight => lamps lighting fittings
kettle | toaster | hair dryer | hairdryer | straighteners | clothes iron | steam iron => electro-thermic domestic appliances
fridge | freezer | refrigerator => refrigerators freezers
washing machine => household washing machines
dishwasher => dish washing machines
vacuum | vacuum cleaner | hoover => vacuum cleaners
microwave => microwave ovens
blender | mixer | food processor => food grinders mixers domestic appliances
fan => fans
air conditioner | aircon => air conditioning machines
vape | e cigarette | ecigarette | e liquid => electronic cigarettes nicotine
solar panel => photovoltaic cells
circuit board | pcb => printed circuits
car | cars | automobile => motor cars vehicles transport persons
truck | lorry | van => motor vehicles transport goods
bike | bicycle | cycle => bicycles cycles
motorbike | scooter | moped => motorcycles
tyre | tyres | tire | tires => pneumatic tyres rubber
car parts | auto parts | spare parts => parts accessories motor vehicles
boat | yacht | dinghy | kayak | canoe => yachts vessels boats
caravan | trailer => trailers caravans
pram | pushchair | stroller | buggy => baby carriages
sofa | couch | settee | armchair | chair | stool | bench => seats
table | desk | wardrobe | cupboard | cabinet | shelf | shelving | drawers | dresser | bookcase => furniture
bed | bunk bed | cot => furniture beds
mattress => mattresses
pillow | cushion | duvet | quilt | sleeping bag => bedding cushions pillows quilts
bedsheet | bed sheet | sheets | pillowcase | duvet cover => bed linen
towel | towels | tea towel => toilet linen kitchen linen towels
curtain | curtains | blinds => curtains blinds
carpet | rug | mat | doormat => carpets floor coverings
candle | candles => candles
mug | cup | bowl | crockery | dinnerware | teapot => tableware kitchenware
pan | pot | saucepan | frying pan | wok | cookware => cooking kitchenware
cutlery | fork | spoon => spoons forks cutlery
knife | knives => knives blades
bottle | flask => bottles flasks
jar => jars
mirror => mirrors
picture frame | photo frame => frames
clock | alarm clock => clocks
hose | pipe | tube | tubing => tubes pipes hoses
hammer | spanner | wrench | screwdriver | pliers | saw | chisel => hand tools
drill => drills tools
screw | screws | bolt | bolts | nuts and bolts | nail | nails => screws bolts nuts nails
paint | varnish => paints varnishes
glue | adhesive => glues adhesives prepared
tape | sellotape | duct tape => self-adhesive tape
plastic bag | carrier bag | bin bag => sacks bags plastics
cling film | clingfilm => film plastics
cardboard | carton | packaging => cartons boxes paperboard
makeup | make up | cosmetics | lipstick | mascara | eyeliner | foundation | eyeshadow => beauty make-up preparations lip eye
nail polish | nail varnish => manicure pedicure preparations
perfume | fragrance | cologne | aftershave | eau de toilette => perfumes toilet waters
shampoo | conditioner => shampoos hair preparations
soap | shower gel | body wash | hand wash => soap
toothpaste => dentifrices oral hygiene
toothbrush => toothbrushes brushes
razor | razors | shaver => razors shavers
nappy | nappies | diaper | diapers | sanitary pad | sanitary towel | tampon | tampons => sanitary towels tampons napkins nappies
sun cream | suncream | sunscreen | sunblock | moisturiser | moisturizer | lotion | face cream => beauty skin care preparations
deodorant | antiperspirant => deodorants antiperspirants
vitamin | vitamins | supplement | supplements => vitamins food preparations
medicine | medicines | pills | drugs | painkillers => medicaments
sticking plaster | bandage | bandages => adhesive dressings wadding gauze bandages
beef | steak => meat bovine animals
pork | bacon | ham | sausage | sausages => meat swine sausages
lamb | mutton => meat sheep
chicken | turkey | poultry => meat poultry fowls
mince | burger | burgers => meat
prawn | prawns | shrimp | shrimps => shrimps prawns crustaceans
seafood | shellfish => crustaceans molluscs
sweets | sweet | candy | candies | lollipop | toffee | chewing gum => sugar confectionery
chocolate => chocolate cocoa preparations
biscuit | biscuits | cookie | cookies | cake | cakes | pastry | pastries | bread | crackers => bread pastry cakes biscuits bakers wares
crisps | potato chips => potatoes prepared preserved
chips | fries | french fries => potatoes prepared frozen
juice | juices | smoothie => fruit juices
soda | soft drink | soft drinks | fizzy drink | cola | lemonade | energy drink => waters sweetened non-alcoholic beverages
beer | lager | ale | stout | cider => beer malt cider
wine | prosecco | champagne => wine fresh grapes sparkling
spirits | vodka | whisky | whiskey | gin | rum | brandy | liqueur | tequila => spirits liqueurs spirituous beverages
yogurt | yoghurt => yoghurt
ice cream | ice lolly => ice cream edible ice
noodles | spaghetti | macaroni | pasta => pasta
ketchup | mayonnaise | mustard | sauce | sauces | dressing | gravy => sauces condiments seasonings
spice | spices | seasoning => spices
peanut | peanuts => ground-nuts
nut | nuts | almonds | cashews | pistachios | walnuts | hazelnuts => nuts
crisp | snack | snacks => food preparations
cereal | cereals | muesli | granola | porridge | oats => cereals prepared foods rolled flaked grains
jam | marmalade => jams marmalades fruit jellies
pet food | dog food | cat food | fish food | bird food => dog cat food retail sale animal feeding preparations
animal feed | horse feed | cattle feed => animal feeding preparations fodder
cigarette | cigarettes | cigar | cigars | tobacco | shisha | hookah => tobacco cigarettes cigars
toy | toys | doll | dolls | teddy | teddy bear | plush | lego => toys dolls construction sets
game | games | board game | board games | jigsaw | puzzle | puzzles => games puzzles
playing cards | cards game => playing cards
ball | balls | football | basketball | tennis | golf | racket | racquet | gym | fitness | sports equipment | exercise equipment => sports gymnastics athletics balls rackets
fishing rod | fishing tackle | fishing => fishing rods fish-hooks line fishing tackle
tent | tents | gazebo => tents awnings camping goods
book | books | novel | textbook => printed books
magazine | magazines | newspaper | comic => newspapers journals periodicals
poster | posters | postcard | postcards | greetings card | greeting card => printed matter pictures postcards greeting cards
pen | pens | pencil | pencils | crayon | crayons | marker => pens pencils crayons
notebook | notepad | diary | planner | exercise book => registers notebooks diaries exercise books
sticker | stickers | label | labels => labels self-adhesive
painting | paintings | artwork | canvas => paintings drawings
christmas decorations | decorations | bauble | baubles | christmas tree => festive carnival articles christmas
guitar | piano | keyboard instrument | drum | drums | violin | flute | ukulele | musical instrument => musical instruments
syringe | needle | stethoscope | thermometer | medical device => medical surgical instruments appliances
gun | guns | rifle | pistol | firearm | firearms => arms firearms
ammunition | ammo | bullets => cartridges ammunition
fireworks | sparklers => fireworks pyrotechnic articles
seed | seeds => seeds sowing
flower | flowers | bouquet => cut flowers flower buds
plant | plants | tree | trees | shrub | flower bulbs => live plants trees shrubs bulbs
fertiliser | fertilizer | compost | manure => fertilisers
pesticide | weedkiller | insecticide | herbicide | bug spray => insecticides herbicides
timber | lumber | plank | planks | plywood | mdf | chipboard => wood sawn plywood particle board
steel | stainless steel | iron => iron steel
aluminum | aluminium | tin foil | foil => aluminium
brass | bronze => copper alloys
gold | silver | platinum => precious metal
diamond | diamonds | gemstone | gemstones | gem | gems => diamonds precious semi-precious stones
plastic | plastics | acrylic | pvc | polythene | polyethylene => plastics polymers
polyester | nylon | acrylic fabric => synthetic fibres man-made polyamides polyesters
fabric | fabrics | textile | textiles | cloth => woven fabrics textile
yarn | thread | wool yarn => yarn sewing thread
leather => leather
rubber => rubber vulcanised
engine | motor => engines motors
pump => pumps
valve | tap | taps | faucet => taps cocks valves
bearing | bearings => ball bearings roller bearings
air fryer | deep fryer | slow cooker | coffee machine | coffee maker | rice cooker => electro-thermic domestic appliances cooking
sink | toilet | bath | bathtub | basin | shower tray => sinks washbasins baths sanitary ware
tile | tiles => tiles flags ceramic
generator => generating sets
charger cable | usb cable => insulated conductors connectors
plug | socket | switch => switches plugs sockets electrical apparatus
heater | radiator => radiators heaters space heating
cooker | oven | hob | stove | barbecue | bbq => cookers stoves ovens
cookware set | baking tray => kitchenware
dog | dogs | cat | cats | puppy | kitten | pet | pets => animals live
horse | horses | pony => horses live
fish | fishes => fish
fruit | fruits => fruit edible
vegetable | vegetables | veg => vegetables edible
mushroom | mushrooms => mushrooms fungi
coffee pods | coffee capsules => coffee
tea bags | teabags => tea
sugar => sugar cane beet
salt => salt
flour => flour meal
cooking oil | olive oil => vegetable oils
eggs => birds eggs
car seat | car seats => seats motor vehicles
keyring | keychain | key ring => key-rings base metal
lock | padlock => padlocks locks
hinge | hinges | bracket | brackets | fittings => mountings fittings base metal
chain => chain
wheel | wheels => wheels
spectacle frames => frames spectacles
hearing aid => hearing aids
wheelchair => carriages disabled persons
crutches | walking stick => walking-sticks
vase | ornament | ornaments | figurine | statue | statuette => statuettes ornamental articles
wig | wigs | hair extensions => wigs false beards hair
brush | brushes | paintbrush => brushes
comb => combs
hairclip | hair clip | hair band | hairband | hair accessories => hair-slides hairpins curling pins
lighter | lighters => lighters
matches => matches
`;

/** Phrase (words separated by single spaces, as typed) → tariff words to add to the query. */
export function parseSynonyms(table: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of table.split('\n')) {
    const [left, right] = line.split('=>');
    if (left === undefined || right === undefined) continue;
    for (const phrase of left.split('|')) {
      const key = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
      if (key === '') continue;
      const prior = map.get(key);
      map.set(key, prior === undefined ? right.trim() : `${prior} ${right.trim()}`);
    }
  }
  return map;
}

export const SYNONYMS: ReadonlyMap<string, string> = parseSynonyms(
  [TABLE, FOOD_TABLE, MATERIALS_TABLE, MANUFACTURES_TABLE, RETAIL_TABLE, TECHNICAL_TABLE, LEISURE_TABLE].join('\n'),
);
