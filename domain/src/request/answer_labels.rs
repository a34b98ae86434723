//! The words for each answer, as the wizard's radios and check your answers show them. Only a
//! mapping from values to [`Msg`] keys; the texts are in `locales/*/wizard.toml`.

use super::{BestTime, ContactChannel};
use crate::Msg;
use crate::eligibility::{AgeGroup, Relation, TreatmentCountry, WhoForChoice, YesNo, YesNoNotSure};

pub fn country(country: TreatmentCountry) -> Msg {
    match country {
        TreatmentCountry::Germany => Msg::CountryGermany,
        TreatmentCountry::Turkey => Msg::CountryTurkey,
        TreatmentCountry::Israel => Msg::CountryIsrael,
        TreatmentCountry::Russia => Msg::CountryRussia,
        TreatmentCountry::Switzerland => Msg::CountrySwitzerland,
        TreatmentCountry::SouthKorea => Msg::CountrySouthKorea,
        TreatmentCountry::India => Msg::CountryIndia,
        TreatmentCountry::Other => Msg::CountryOther,
    }
}

pub fn yes_no_not_sure(answer: YesNoNotSure) -> Msg {
    match answer {
        YesNoNotSure::Yes => Msg::AnswerYes,
        YesNoNotSure::No => Msg::AnswerNo,
        YesNoNotSure::NotSure => Msg::AnswerNotSure,
    }
}

pub fn yes_no(answer: YesNo) -> Msg {
    match answer {
        YesNo::Yes => Msg::AnswerYes,
        YesNo::No => Msg::AnswerNo,
    }
}

pub fn who_for(choice: WhoForChoice) -> Msg {
    match choice {
        WhoForChoice::Myself => Msg::WhoForMyself,
        WhoForChoice::SomeoneElse => Msg::WhoForSomeoneElse,
    }
}

pub fn relation(relation: Relation) -> Msg {
    match relation {
        Relation::ParentOrGuardian => Msg::RelationParentOrGuardian,
        Relation::SpouseOrPartner => Msg::RelationSpouseOrPartner,
        Relation::SonOrDaughter => Msg::RelationSonOrDaughter,
        Relation::OtherRelative => Msg::RelationOtherRelative,
        Relation::Friend => Msg::RelationFriend,
        Relation::Carer => Msg::RelationCarer,
        Relation::Other => Msg::RelationOther,
    }
}

pub fn age_group(age: AgeGroup) -> Msg {
    match age {
        AgeGroup::Adult => Msg::AgeAdult,
        AgeGroup::Minor => Msg::AgeMinor,
    }
}

pub fn channel(channel: ContactChannel) -> Msg {
    match channel {
        ContactChannel::Phone => Msg::ChannelPhone,
        ContactChannel::WhatsApp => Msg::ChannelWhatsapp,
        ContactChannel::Telegram => Msg::ChannelTelegram,
        ContactChannel::Email => Msg::ChannelEmail,
    }
}

pub fn best_time(time: BestTime) -> Msg {
    match time {
        BestTime::Morning => Msg::BestTimeMorning,
        BestTime::Afternoon => Msg::BestTimeAfternoon,
        BestTime::Evening => Msg::BestTimeEvening,
        BestTime::Anytime => Msg::BestTimeAnytime,
    }
}
