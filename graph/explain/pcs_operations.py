"""CMS's definitions of the 31 medical and surgical root operations (ICD-10-PCS Definitions), said plainly.

Keyed by the definition itself, so that a root operation of another section (obstetrics, placement, new
technology) takes the plain words only where CMS defines it with the very same sentence. Each plain line says
what the definition says and no more; "such as a blood clot or a stone" are CMS's own examples of extirpation
(thrombectomy, choledocholithotomy).
"""

PLAIN_DEFINITIONS = {
    "Modifying the anatomic structure of a body part without affecting the function of the body part": (
        "changing the shape of a body part without changing what it does"
    ),
    "Altering the route of passage of the contents of a tubular body part": (
        "making a new route for what flows through a tube-shaped body part"
    ),
    "Taking out or off a device from a body part and putting back an identical or similar device in or on "
    "the same body part without cutting or puncturing the skin or a mucous membrane": (
        "swapping a device for the same or a similar one, without cutting or puncturing the skin or a lining"
    ),
    "Stopping, or attempting to stop, postprocedural or other acute bleeding": (
        "stopping, or trying to stop, sudden bleeding, such as bleeding after a procedure"
    ),
    "Putting in or on biological or synthetic material to form a new body part that to the extent possible "
    "replicates the anatomic structure or function of an absent body part": (
        "forming a new body part from tissue or man-made material, as close as possible to a missing one"
    ),
    "Physical eradication of all or a portion of a body part by the direct use of energy, force, or a "
    "destructive agent": (
        "destroying all or part of a body part with energy, force or a substance that destroys tissue"
    ),
    "Cutting off all or a portion of the upper or lower extremities": (
        "cutting off all or part of an arm or leg"
    ),
    "Expanding an orifice or the lumen of a tubular body part": (
        "widening an opening or the inside of a tube-shaped body part"
    ),
    "Cutting into a body part, without draining fluids and/or gases from the body part, in order to separate "
    "or transect a body part": (
        "cutting into a body part to separate it or cut across it, without draining it"
    ),
    "Taking or letting out fluids and/or gases from a body part": (
        "taking or letting out fluid or gas from a body part"
    ),
    "Cutting out or off, without replacement, a portion of a body part": (
        "cutting out or off part of a body part, without putting anything in its place"
    ),
    "Taking or cutting out solid matter from a body part": (
        "taking or cutting out solid matter, such as a blood clot or a stone, from a body part"
    ),
    "Pulling or stripping out or off all or a portion of a body part by the use of force": (
        "pulling or stripping out all or part of a body part by force"
    ),
    "Breaking solid matter in a body part into pieces": "breaking solid matter in a body part into pieces",
    "Joining together portions of an articular body part rendering the articular body part immobile": (
        "joining the parts of a joint together so that it no longer moves"
    ),
    "Putting in a nonbiological appliance that monitors, assists, performs, or prevents a physiological "
    "function but does not physically take the place of a body part": (
        "putting in a man-made device that checks, helps, does or prevents a body function, without taking "
        "the place of a body part"
    ),
    "Visually and/or manually exploring a body part": "looking at or feeling a body part to examine it",
    "Locating the route of passage of electrical impulses and/or locating functional areas in a body part": (
        "finding the paths of electrical signals, or the areas that do a job, in a body part"
    ),
    "Completely closing an orifice or the lumen of a tubular body part": (
        "closing off an opening or a tube-shaped body part completely"
    ),
    "Putting back in or on all or a portion of a separated body part to its normal location or other "
    "suitable location": (
        "putting all or part of a body part that came off back in its place, or another good place"
    ),
    "Freeing a body part from an abnormal physical constraint by cutting or by the use of force": (
        "freeing a body part from something that wrongly holds it, by cutting or by force"
    ),
    "Taking out or off a device from a body part": "taking a device out of or off a body part",
    "Restoring, to the extent possible, a body part to its normal anatomic structure and function": (
        "bringing a body part back, as far as possible, to its normal shape and function"
    ),
    "Putting in or on biological or synthetic material that physically takes the place and/or function of "
    "all or a portion of a body part": (
        "putting in tissue or man-made material that takes the place of all or part of a body part"
    ),
    "Moving to its normal location, or other suitable location, all or a portion of a body part": (
        "moving all or part of a body part to its normal place, or another good place"
    ),
    "Cutting out or off, without replacement, all of a body part": (
        "cutting out or off a whole body part, without putting anything in its place"
    ),
    "Partially closing an orifice or the lumen of a tubular body part": (
        "partly closing an opening or a tube-shaped body part"
    ),
    "Correcting, to the extent possible, a portion of a malfunctioning device or the position of a displaced "
    "device": ("correcting, as far as possible, a device that does not work right or has moved"),
    "Putting in or on biological or synthetic material that physically reinforces and/or augments the "
    "function of a portion of a body part": (
        "putting in tissue or man-made material that strengthens part of a body part or adds to what it does"
    ),
    "Moving, without taking out, all or a portion of a body part to another location to take over the "
    "function of all or a portion of a body part": (
        "moving all or part of a body part, still attached, to another place to take over a job there"
    ),
    "Putting in or on all or a portion of a living body part taken from another individual or animal to "
    "physically take the place and/or function of all or a portion of a similar body part": (
        "putting in all or part of a living body part from another person or an animal, in place of a "
        "similar part"
    ),
}
