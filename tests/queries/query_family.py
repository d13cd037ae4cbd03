"""A small hand-built family and office shared by the query tests (no loaders involved).

张三 (P1, 市财政局局长) 妻子 李四 (P2), whose 哥哥 is 李五 (P3, 财务科科员). 张三 and
张伟 (P6) both name 张老 (1940.05, not on the roster) as 父亲. 王五 (P4) was 科长 of
财务科 2019.03–2021.06 and had a 司机 周九 (P10) since 2010; 吴十 (P11) serves in
办公室 with 李五 (part-time) since 2020 and is 周九's 同学 since 2021. 孙八 (P9)
supervises 财务科 since 2017 and signed the recommendation of 郑一 (P13).
"""

from datetime import date

from guanxi.graph import NxStore, build
from guanxi.graph.dataset import Dataset
from guanxi.graph.records import Appointment, Discipline, Person, Posting, Relation, Supervision, Unit

D = date


def family() -> NxStore:
    persons = [
        Person(id="P1", name="张三", gender="男", native_place="浙江瑞安"),
        Person(id="P2", name="李四", gender="女"),
        Person(id="P3", name="李五", gender="男"),
        Person(id="P4", name="王五", gender="男", growth_place="浙江瑞安"),
        Person(id="P5", name="赵六", gender="男"),
        Person(id="P6", name="张伟", gender="男"),
        Person(id="P7", name="张伟", gender="女"),
        Person(id="P8", name="钱七", gender="男"),
        Person(id="P9", name="孙八", gender="男"),
        Person(id="P10", name="周九", gender="男"),
        Person(id="P11", name="吴十", gender="女"),
        Person(id="P12", name="冯二", gender="男"),
        Person(id="P13", name="郑一", gender="女"),
    ]
    units = [Unit(id="E", name="市财政局", kind="机关"),
             Unit(id="U2", name="财务科", kind="内设机构", parent_id="E"),
             Unit(id="U3", name="办公室", kind="内设机构", parent_id="E")]
    postings = [
        Posting(person_id="P1", unit_id="E", title="局长", start_date=D(2016, 1, 1)),
        Posting(person_id="P3", unit_id="U2", title="科员", start_date=D(2018, 3, 1)),
        Posting(person_id="P4", unit_id="U2", title="科长", start_date=D(2019, 3, 1),
                end_date=D(2021, 6, 1)),
        Posting(person_id="P5", unit_id="U2", title="科员", start_date=D(2010, 1, 1),
                end_date=D(2015, 1, 1)),
        Posting(person_id="P11", unit_id="U3", title="科员", start_date=D(2020, 1, 1)),
        Posting(person_id="P3", unit_id="U3", title="文秘", start_date=D(2020, 1, 1),
                is_parttime=True),
        Posting(person_id="P12", unit_id="U3", title="科员", start_date=D(2020, 5, 1)),
        Posting(person_id="P13", unit_id="U3", title="副主任", start_date=D(2018, 4, 1)),
    ]
    relations = [
        Relation(person_id="P1", term="妻子", relative_id="P2", start_date=D(2000, 1, 1)),
        Relation(person_id="P2", term="哥哥", relative_id="P3"),
        Relation(person_id="P1", term="父亲", relative_name="张老", relative_birth_date=D(1940, 5, 1)),
        Relation(person_id="P6", term="父亲", relative_name="张老", relative_birth_date=D(1940, 5, 1)),
        Relation(person_id="P1", term="秘书", relative_id="P8", start_date=D(2015, 1, 1),
                 end_date=D(2019, 1, 1)),
        Relation(person_id="P4", term="司机", relative_id="P10", start_date=D(2010, 1, 1)),
        Relation(person_id="P11", term="同学", relative_id="P10", start_date=D(2021, 1, 1)),
    ]
    sup = [Supervision(leader_id="P9", unit_id="U2", start_date=D(2017, 1, 1))]
    apps = [Appointment(id="A1", person_id="P13", unit_id="U3", title="副主任", kind="提拔",
                        recommenders=["P9"], recommended_on=D(2018, 2, 1),
                        decided_on=D(2018, 3, 20))]
    disc = [Discipline(person_id="P3", kind="诫勉", decided_on=D(2022, 5, 6))]
    tables = dict(persons=persons, units=units, postings=postings, relations=relations,
                  supervision=sup, appointments=apps, disciplines=disc)
    return build(Dataset(columns={t: set() for t in tables}, **tables))
