--liquibase formatted sql

--changeset workready:20261204-02-regions
--comment: Regions as a list of their own, so that one region has one spelling: the 85 subjects of the Russian Federation
--comment: (code as in the subjects' numbering used by the tax service and vehicle registration), plus any region
--comment: already named by a college, employer or demand before this change (kept, not listed as reference data).
create table region (
    code      text    primary key check (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,31}$'),
    name      text    not null unique,
    reference boolean not null default false,
    demo      boolean not null default false
);

insert into region (code, name, reference) values
    ('01', 'Республика Адыгея (Адыгея)', true),
    ('02', 'Республика Башкортостан', true),
    ('03', 'Республика Бурятия', true),
    ('04', 'Республика Алтай', true),
    ('05', 'Республика Дагестан', true),
    ('06', 'Республика Ингушетия', true),
    ('07', 'Кабардино-Балкарская Республика', true),
    ('08', 'Республика Калмыкия', true),
    ('09', 'Карачаево-Черкесская Республика', true),
    ('10', 'Республика Карелия', true),
    ('11', 'Республика Коми', true),
    ('12', 'Республика Марий Эл', true),
    ('13', 'Республика Мордовия', true),
    ('14', 'Республика Саха (Якутия)', true),
    ('15', 'Республика Северная Осетия — Алания', true),
    ('16', 'Республика Татарстан (Татарстан)', true),
    ('17', 'Республика Тыва', true),
    ('18', 'Удмуртская Республика', true),
    ('19', 'Республика Хакасия', true),
    ('20', 'Чеченская Республика', true),
    ('21', 'Чувашская Республика — Чувашия', true),
    ('22', 'Алтайский край', true),
    ('23', 'Краснодарский край', true),
    ('24', 'Красноярский край', true),
    ('25', 'Приморский край', true),
    ('26', 'Ставропольский край', true),
    ('27', 'Хабаровский край', true),
    ('28', 'Амурская область', true),
    ('29', 'Архангельская область', true),
    ('30', 'Астраханская область', true),
    ('31', 'Белгородская область', true),
    ('32', 'Брянская область', true),
    ('33', 'Владимирская область', true),
    ('34', 'Волгоградская область', true),
    ('35', 'Вологодская область', true),
    ('36', 'Воронежская область', true),
    ('37', 'Ивановская область', true),
    ('38', 'Иркутская область', true),
    ('39', 'Калининградская область', true),
    ('40', 'Калужская область', true),
    ('41', 'Камчатский край', true),
    ('42', 'Кемеровская область — Кузбасс', true),
    ('43', 'Кировская область', true),
    ('44', 'Костромская область', true),
    ('45', 'Курганская область', true),
    ('46', 'Курская область', true),
    ('47', 'Ленинградская область', true),
    ('48', 'Липецкая область', true),
    ('49', 'Магаданская область', true),
    ('50', 'Московская область', true),
    ('51', 'Мурманская область', true),
    ('52', 'Нижегородская область', true),
    ('53', 'Новгородская область', true),
    ('54', 'Новосибирская область', true),
    ('55', 'Омская область', true),
    ('56', 'Оренбургская область', true),
    ('57', 'Орловская область', true),
    ('58', 'Пензенская область', true),
    ('59', 'Пермский край', true),
    ('60', 'Псковская область', true),
    ('61', 'Ростовская область', true),
    ('62', 'Рязанская область', true),
    ('63', 'Самарская область', true),
    ('64', 'Саратовская область', true),
    ('65', 'Сахалинская область', true),
    ('66', 'Свердловская область', true),
    ('67', 'Смоленская область', true),
    ('68', 'Тамбовская область', true),
    ('69', 'Тверская область', true),
    ('70', 'Томская область', true),
    ('71', 'Тульская область', true),
    ('72', 'Тюменская область', true),
    ('73', 'Ульяновская область', true),
    ('74', 'Челябинская область', true),
    ('75', 'Забайкальский край', true),
    ('76', 'Ярославская область', true),
    ('77', 'Москва', true),
    ('78', 'Санкт-Петербург', true),
    ('79', 'Еврейская автономная область', true),
    ('83', 'Ненецкий автономный округ', true),
    ('86', 'Ханты-Мансийский автономный округ — Югра', true),
    ('87', 'Чукотский автономный округ', true),
    ('89', 'Ямало-Ненецкий автономный округ', true),
    ('91', 'Республика Крым', true),
    ('92', 'Севастополь', true);

insert into region (code, name)
select 'R-' || left(md5(r), 10), r
from (select region as r from college union select region from employer union select region from labour_demand) used
where not exists (select 1 from region g where g.name = used.r);

update region set demo = true where name = 'Демо-регион';

--changeset workready:20261204-02-college-details
--comment: What a college registers with: short name, ИНН (10 digits), address; demo marks the synthetic demo college.
alter table college add column short_name text;
alter table college add column inn text check (inn ~ '^[0-9]{10}$');
alter table college add column address text;
alter table college add column demo boolean not null default false;
update college set demo = true where code = 'DEMO';
